export class HealthStatusDto {
  /** `ok` when every check passed. */
  status: 'ok';
  /**
   * Each dependency's state, e.g. `{ "database": { "status": "up" } }`.
   * @example { "database": { "status": "up" } }
   */
  checks: Record<string, { status: string }>;
}
