/** Route metadata the access guard reads; the route-drift test reads the same keys. */
export const IS_PUBLIC = 'lotse:public';
export const REQUIRED_PERMISSION = 'lotse:permission';
/** Set by `@WithoutRateLimit()`: probes that a platform calls often, never counted. */
export const WITHOUT_RATE_LIMIT = 'lotse:without-rate-limit';
/** Set by `@Expensive()`: a stricter per-principal limit on top of the general one (item 22). */
export const EXPENSIVE = 'lotse:expensive';
