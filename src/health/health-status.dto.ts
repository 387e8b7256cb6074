export class HealthStatusDto {
  /** `ok` when every check that gates readiness passed. */
  status: 'ok';
  /**
   * Each dependency's state, for operators; never a host name or a driver message.
   * `database`: `up` or `down`. `migrations`: `up`, or `pending` (not ready) with how many are
   * `applied` and `pending`. `auditSealer`: `up`, or `lagging` when the oldest event has waited
   * longer than a minute to be sealed (readiness does not depend on it), with `queued` and
   * `lagSeconds`.
   * @example { "database": { "status": "up" }, "migrations": { "status": "up", "applied": 10, "pending": 0 }, "auditSealer": { "status": "up", "queued": 0, "lagSeconds": 0 } }
   */
  checks: Record<string, { status: string } & Record<string, string | number>>;
}
