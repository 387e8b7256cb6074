import type { AddParam } from '../common/sql/sql';
import type { GateHit, StatementGate } from '../auth/statement-gate';
import { livePrincipalSql } from '../identity/principals.sql';
import { countHitSql } from '../limits/limits.sql';
import type { CountedHit } from '../limits/limit-store';
import type { LivePrincipal } from './counted-principal';

/** SQLSTATE of `request_gate` (migration RequestGate1797500000000): the gate did not hold. */
export const GATE_REFUSED = 'LTG01';

/** Whether `error` is a statement's refusal by its request gate (pg's or PGlite's error). */
export function isGateRefusal(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if ((current as { code?: unknown }).code === GATE_REFUSED) return true;
    current = (current as { driverError?: unknown }).driverError;
  }
  return false;
}

/** What the guard assumed, and what the statement must find to be true. */
export interface GateAssumption {
  sessionId: string;
  userId: string;
  /** The principal the guard last saw behind this session: the statement checks it is still so. */
  principal: LivePrincipal;
  /** Stored keys of the limit: the user's, and the source address's (if no principal is live). */
  userKey: string;
  addressKey: string;
  windowMs: number;
  limit: number;
}

/**
 * The request gate of a folded route (docs/architecture/0024, "The guard's statement folded
 * into the route's"): the access guard's own statement (counted-principal.ts: the live
 * principal, identity's `livePrincipalSql`, and the hit, limits' `countHitSql`, counted for the
 * user if the session is live, else for the source address) as the first CTEs of the route's
 * statement, and in the hit's RETURNING `request_gate(…)`, which fails the whole statement
 * unless the live principal is exactly the assumed one (organisation, its kind, the roles, in
 * their stored order) and the request is within the limit. The hit's CTE is data-modifying, so
 * PostgreSQL runs it, and with it the check, whatever the rest of the statement reads.
 */
export class RequestGate implements StatementGate {
  readonly from = 'hit AS gate_hit';
  readonly columns = `gate_hit.hits AS "gateHits", gate_hit."windowLeftMs" AS "gateWindowLeftMs"`;
  private taken = false;
  private hit: CountedHit | undefined;

  constructor(
    private readonly assumed: GateAssumption,
    private readonly onPassed: (hit: CountedHit) => void,
  ) {}

  /** The gate for the request's first statement; undefined ever after. */
  take(): StatementGate | undefined {
    if (this.taken) return undefined;
    this.taken = true;
    return this;
  }

  /** Whether a statement took the gate and succeeded: the caller is proven and counted. */
  get proven(): boolean {
    return this.hit !== undefined;
  }

  ctes(add: AddParam): string {
    const { assumed } = this;
    const limit = add(assumed.limit);
    const holds = `c.hits <= ${limit}::int AND EXISTS (
          SELECT 1 FROM principal p
           WHERE p."organisationId" = ${add(assumed.principal.organisationId)}::uuid
             AND p."organisationKind"::text = ${add(assumed.principal.organisationKind)}::text
             AND p.roles = ${add([...assumed.principal.roles])}::text[])`;
    const principal = livePrincipalSql(
      `${add(assumed.sessionId)}::uuid`,
      `${add(assumed.userId)}::uuid`,
    );
    const hit = countHitSql({
      key: `CASE WHEN EXISTS (SELECT 1 FROM principal) THEN ${add(assumed.userKey)}::text
                 ELSE ${add(assumed.addressKey)}::text END`,
      ttl: `${add(assumed.windowMs)}::int`,
      limit: `${limit}::int`,
      block: '0',
      alsoReturning: `request_gate(${holds}) AS gate`,
    });
    return `principal AS (${principal}),\n  hit AS (${hit})`;
  }

  passed(row: GateHit): void {
    if (this.hit) return;
    this.hit = { hits: row.gateHits, windowLeftMs: row.gateWindowLeftMs, blockedLeftMs: 0 };
    this.onPassed(this.hit);
  }
}
