import type { AddParam } from '../common/sql/sql';
import type { OrganisationKind } from '../common/organisation-kind';
import type { Actor } from './actor';

/** The request's hit as the gated statement counted it: the columns of `StatementGate.columns`. */
export interface GateHit {
  gateHits: number;
  gateWindowLeftMs: number;
}

/**
 * A request whose guard left the session check and the rate-limit hit to the route's own
 * statement (docs/architecture/0024, "The guard's statement folded into the route's"). The
 * route's statement puts `ctes` first in its WITH list and selects `columns` from the CTE
 * `hit`, which returns exactly one row; it must read the hit in its FROM (`FROM hit LEFT JOIN
 * …`) so that it answers one row even when the route finds nothing. Unless the session is live
 * with exactly the principal the guard assumed and the request is within its limit, the
 * statement fails (SQLSTATE LTG01) and nothing of it happened; the access guard then decides
 * the request the usual way. A gate is taken once (`takeGate`), by the request's first
 * statement: a route never runs another statement under an unproven caller.
 */
export interface StatementGate {
  /** `principal AS (…), hit AS (…)`: the first CTEs of the statement; adds their parameters. */
  ctes(add: AddParam): string;
  /** What the statement's FROM starts with: the CTE `hit` (one row), as `gate_hit`. */
  readonly from: string;
  /** The select-list entries of `GateHit`, read from `gate_hit`. */
  readonly columns: string;
  /** The statement succeeded with this row: the caller is authenticated and counted. */
  passed(row: GateHit): void;
}

/** An actor the guard let through on an assumed principal that the gate has still to prove. */
export type GatedActor = Actor & { gate?: { take(): StatementGate | undefined } };

/**
 * The gate of the request `actor` stands for, once (undefined: none, or already taken). The
 * statement that takes it must be the route's first.
 */
export function takeGate(actor: Actor): StatementGate | undefined {
  return (actor as GatedActor).gate?.take();
}

/** The gate the guard left on `actor`, taken or not (for the access guard's interceptor). */
export function gateLeftOn(actor: Actor | undefined): unknown {
  return actor && 'gate' in actor ? actor.gate : undefined;
}

/** The organisation kinds for which a route's first statement takes the gate (`@OneStatement`). */
export type OneStatementKinds = readonly OrganisationKind[];
