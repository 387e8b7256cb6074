/**
 * Small-cell suppression of published counts (statistical disclosure control), as pure functions.
 *
 * Primary: a count of 1 to 4 is never published. A 0 is: "none" discloses nothing about a
 * person, and hiding zeros would only make every table unreadable.
 *
 * Secondary: a reader knows the additive relations of a table (a row's cells add up to the row
 * total, the row totals to the grand total, …). A suppressed value must not be recoverable from
 * the published ones through any combination of these relations. So, after the primary step and
 * until a fixed point:
 *
 * 1. a relation with exactly one suppressed member (a cell or its total) gives that member away
 *    by subtraction: suppress another member of it, the smallest published non-zero part;
 * 2. when no relation has a lone suppressed member, the relations together may still pin a value
 *    (e.g. a row whose suppressed cells link two otherwise separate groups): a suppressed value
 *    is pinned exactly when its unit vector lies in the row space of the relations restricted to
 *    the suppressed values. Gaussian elimination finds such values; each gets a complement as in 1.
 *
 * Complements are non-zero where possible: every suppressed value is then at least 1, and since
 * the relations of a table with margins (and of a hierarchy of totals) are totally unimodular,
 * any value that is not pinned linearly can move by ±1 along a cycle of suppressed values without
 * turning negative, so it is not pinned among non-negative whole numbers either.
 */

/** Below this, a count is not published (unless it is 0). */
export const MIN_PUBLISHED_COUNT = 5;

/** A count as published: the number, or null and `suppressed`. */
export interface CountCell {
  count: number | null;
  suppressed: boolean;
}

/** A relation a reader knows: the value at index `total` is the sum of the values at `parts`. */
export interface Relation {
  total: number;
  parts: readonly number[];
}

/** Whether a count is suppressed in the primary step: 1 to 4. */
export function isSmallCount(count: number): boolean {
  return count >= 1 && count < MIN_PUBLISHED_COUNT;
}

const EPSILON = 1e-9;

/**
 * What a value of a disclosure-control problem is to the reader:
 * - `cell`: published, unless suppressed (small, or a complement);
 * - `fixed`: always published (e.g. a contract's open referrals, which booking needs);
 * - `derived`: never published itself but tied to published ones (e.g. the cancellations after
 *   acceptance); protected like a suppressed cell when it is small;
 * - `aux`: never published and never protected (e.g. the open referrals of one provider sent in
 *   one year: the capacity figures are published whatever it is), only a link between others.
 */
export type ValueRole = 'cell' | 'fixed' | 'derived' | 'aux';

/** An inequality a reader knows: the sum of the values at `lower` is at most that at `upper`. */
export interface Bound {
  lower: readonly number[];
  upper: readonly number[];
}

/**
 * Everything one disclosure-control step decides over: the values (counts), what each is to
 * the reader, and every relation and bound between them that a reader knows.
 */
export interface DisclosureProblem {
  values: readonly number[];
  /** Default: every value a `cell`. */
  roles?: readonly ValueRole[];
  relations: readonly Relation[];
  bounds?: readonly Bound[];
}

/**
 * The exact check behind linear algebra: which protected unknowns have fewer than two feasible
 * whole values under every relation and bound (`disclosure-audit.ts`, an integer program per
 * value). Passed in, so that the rules here stay pure and fast to test. One audit serves one
 * step, and it has a budget (docs/architecture/0012-statistics-disclosure-control.md, "The audit's budget").
 */
export interface DisclosureAudit {
  /**
   * The protected unknowns not proven to keep two feasible whole values (sorted): those that
   * are exposed, and those the audit could not decide within its budget.
   */
  exposed(
    problem: DisclosureProblem,
    unknown: readonly boolean[],
    isProtected: readonly boolean[],
  ): number[];
  /** Whether the budget is spent: nothing more can be proven, the step fails closed. */
  spent(): boolean;
}

/**
 * Which of `values` to suppress (same order), given the relations between them. `values` are
 * counts (non-negative whole numbers) and the relations must hold for them.
 */
export function suppressedValues(
  values: readonly number[],
  relations: readonly Relation[],
): boolean[] {
  return controlDisclosure({ values, relations });
}

/** Whether a value must keep at least two feasible values: a suppressed cell, or a small derived one. */
function protectedValues(
  values: readonly number[],
  roles: readonly ValueRole[],
  hidden: readonly boolean[],
): boolean[] {
  return values.map(
    (v, i) => (roles[i] === 'cell' && hidden[i]) || (roles[i] === 'derived' && isSmallCount(v)),
  );
}

/**
 * The one disclosure-control step: which values stay unknown to the reader (true: suppressed,
 * or never published). Primary suppression of the small cells; then, until a fixed point, a
 * complement for every protected value that one relation gives away, that the relations
 * together pin (Gaussian elimination), or, with `audit`, that the relations and bounds together
 * narrow to a single whole number.
 */
export function controlDisclosure(problem: DisclosureProblem, audit?: DisclosureAudit): boolean[] {
  const { values, relations } = problem;
  const roles = problem.roles ?? values.map((): ValueRole => 'cell');
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`not a count: ${value}`);
  }
  const sum = (at: readonly number[]) => at.reduce((s, i) => s + values[i], 0);
  const usable = relations.filter((r) => r.parts.length > 0);
  const broken = usable.find((r) => values[r.total] !== sum(r.parts));
  if (broken) {
    throw new Error(
      `a relation does not hold for the values: ${values[broken.total]} ≠ ${broken.parts.map((i) => values[i]).join(' + ')} (${broken.total} = ${broken.parts.join(' + ')})`,
    );
  }
  if ((problem.bounds ?? []).some((b) => sum(b.lower) > sum(b.upper))) {
    throw new Error('a bound does not hold for the values');
  }
  const hidden = values.map((v, i) =>
    roles[i] === 'cell' ? isSmallCount(v) : roles[i] !== 'fixed',
  );
  /** The end of every step that cannot prove its result: nothing but `fixed` values published. */
  const hideEveryCell = () => {
    roles.forEach((role, i) => {
      if (role === 'cell') hidden[i] = true;
    });
    return hidden;
  };
  /** Hides a complement for `unknown`; false when none is left (then every cell is hidden). */
  const complement = (unknown: number, byAudit: boolean): boolean => {
    const choice =
      (byAudit ? boundLoosening(unknown, problem, usable, roles, hidden) : undefined) ??
      complementFor(unknown, problem, usable, roles, hidden);
    if (choice === undefined) {
      hideEveryCell();
      return false;
    }
    hidden[choice] = true;
    return true;
  };
  for (;;) {
    // The audit's budget covers the whole step: once it is spent, whatever is not proven yet
    // stays unproven, and the step fails closed rather than publishing it.
    if (audit?.spent()) return hideEveryCell();
    const isProtected = protectedValues(values, roles, hidden);
    const lone = usable.find((r) => {
      const unknowns = membersOf(r).filter((i) => hidden[i]);
      return unknowns.length === 1 && isProtected[unknowns[0]];
    });
    const pinned = lone
      ? [membersOf(lone).find((i) => hidden[i])!]
      : pinnedValues(values.length, usable, hidden).filter((i) => isProtected[i]);
    const byAudit = pinned.length === 0 && audit !== undefined;
    const exposed = byAudit ? audit.exposed(problem, hidden, isProtected) : pinned;
    if (exposed.length === 0) return hidden;
    // A complement would need another audit, and none is left: fail closed.
    if (byAudit && audit.spent()) return hideEveryCell();
    // Nothing published is left near an exposed value: every cell is hidden now, and the step
    // fails closed rather than looping (never reached by the statistics' tables).
    if (!complement(exposed[0], byAudit)) return hidden;
  }
}

function membersOf(relation: Relation): number[] {
  return [relation.total, ...relation.parts];
}

/**
 * When only the bounds narrow a value (linear algebra leaves it open), what holds it is a bound
 * that the true figures meet exactly (e.g. a service requested by every referral of a month):
 * the cell to suppress is the published side of such a bound on the value's group of unknowns,
 * the smallest non-zero one first. Undefined when there is none.
 */
function boundLoosening(
  unknown: number,
  problem: DisclosureProblem,
  relations: readonly Relation[],
  roles: readonly ValueRole[],
  hidden: readonly boolean[],
): number | undefined {
  const { values } = problem;
  const sum = (at: readonly number[]) => at.reduce((s, i) => s + values[i], 0);
  const tight = (problem.bounds ?? []).filter((b) => sum(b.lower) === sum(b.upper));
  const links = [
    ...relations.map(membersOf),
    ...(problem.bounds ?? []).map((b) => [...b.lower, ...b.upper]),
  ];
  const group = new Set([unknown]);
  for (let grew = true; grew;) {
    grew = false;
    for (const members of links) {
      if (!members.some((i) => group.has(i))) continue;
      for (const i of members) {
        if (hidden[i] && !group.has(i)) {
          group.add(i);
          grew = true;
        }
      }
    }
  }
  const candidates = tight
    .filter((b) => [...b.lower, ...b.upper].some((i) => group.has(i)))
    .flatMap((b) => [...b.lower, ...b.upper])
    .filter((i) => !hidden[i] && roles[i] === 'cell');
  return (
    smallestOf(
      values,
      candidates.filter((i) => values[i] > 0),
    ) ?? smallestOf(values, candidates)
  );
}

/** The index of the smallest value among `pool` (the lowest index among equals). */
function smallestOf(values: readonly number[], pool: readonly number[]): number | undefined {
  return pool.reduce<number | undefined>(
    (best, i) =>
      best === undefined || values[i] < values[best] || (values[i] === values[best] && i < best)
        ? i
        : best,
    undefined,
  );
}

/**
 * The cell to suppress next to protect `unknown`: among the published cells of the relations
 * (and bounds) that hold it, the smallest non-zero part, else the smallest non-zero total, else
 * a zero part or total; when these hold no published cell, the same among the relations reached
 * through their unknowns, and so on outwards. Undefined when no published cell is reachable.
 */
function complementFor(
  unknown: number,
  problem: DisclosureProblem,
  relations: readonly Relation[],
  roles: readonly ValueRole[],
  hidden: readonly boolean[],
): number | undefined {
  const { values } = problem;
  const bounds: Relation[] = (problem.bounds ?? []).map((b) => ({
    total: -1,
    parts: [...b.lower, ...b.upper],
  }));
  const published = (i: number) => i >= 0 && i !== unknown && !hidden[i] && roles[i] === 'cell';
  const smallest = (candidates: number[]) => smallestOf(values, candidates);
  const nonZero = (i: number) => values[i] > 0;
  const reached = new Set<number>([unknown]);
  const used = new Set<Relation>();
  let frontier = [unknown];
  const touching = (links: readonly Relation[]) =>
    links.filter((r) => !used.has(r) && frontier.some((i) => r.total === i || r.parts.includes(i)));
  const choose = (near: readonly Relation[]) => {
    const parts = near.flatMap((r) => r.parts).filter(published);
    const totals = near.map((r) => r.total).filter(published);
    return (
      smallest(parts.filter(nonZero)) ??
      smallest(totals.filter(nonZero)) ??
      smallest(parts) ??
      smallest(totals)
    );
  };
  while (frontier.length > 0) {
    // The relations first (a complement there keeps the margins' sums open), then the bounds.
    const equal = touching(relations);
    const near = [...equal, ...touching(bounds)];
    near.forEach((r) => used.add(r));
    const choice = choose(equal) ?? choose(near);
    if (choice !== undefined) return choice;
    frontier = near.flatMap(membersOf).filter((i) => i >= 0 && hidden[i] && !reached.has(i));
    frontier.forEach((i) => reached.add(i));
  }
  return undefined;
}

/**
 * The suppressed values that the relations pin down exactly, by Gaussian elimination (partial
 * pivoting; the coefficients are 0 and ±1 and stay small) of the relations restricted to the
 * suppressed values. In reduced row echelon form a value is pinned when its pivot row has no
 * other non-zero entry.
 */
export function pinnedValues(
  size: number,
  relations: readonly Relation[],
  hidden: readonly boolean[],
): number[] {
  const unknowns: number[] = [];
  const column = new Map<number, number>();
  for (let i = 0; i < size; i++) {
    if (hidden[i]) {
      column.set(i, unknowns.length);
      unknowns.push(i);
    }
  }
  const width = unknowns.length;
  if (width === 0) return [];
  const rows: Float64Array[] = [];
  for (const relation of relations) {
    const row = new Float64Array(width);
    let any = false;
    for (const [index, sign] of [[relation.total, 1], ...relation.parts.map((p) => [p, -1])] as [
      number,
      number,
    ][]) {
      const c = column.get(index);
      if (c !== undefined) {
        row[c] += sign;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  const pivotColumns: number[] = [];
  let rank = 0;
  for (let c = 0; c < width && rank < rows.length; c++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++) {
      if (Math.abs(rows[r][c]) > Math.abs(rows[best][c])) best = r;
    }
    if (Math.abs(rows[best][c]) < EPSILON) continue;
    [rows[rank], rows[best]] = [rows[best], rows[rank]];
    const pivot = rows[rank];
    const scale = pivot[c];
    for (let k = c; k < width; k++) pivot[k] /= scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const factor = rows[r][c];
      if (Math.abs(factor) < EPSILON) continue;
      const row = rows[r];
      for (let k = c; k < width; k++) row[k] -= factor * pivot[k];
      row[c] = 0;
    }
    pivotColumns.push(c);
    rank++;
  }
  const pinned: number[] = [];
  pivotColumns.forEach((c, r) => {
    let alone = true;
    for (let k = 0; k < width && alone; k++) {
      if (k !== c && Math.abs(rows[r][k]) > EPSILON) alone = false;
    }
    if (alone) pinned.push(unknowns[c]);
  });
  return pinned.sort((a, b) => a - b);
}

function cellOf(count: number, suppressed: boolean): CountCell {
  return suppressed ? { count: null, suppressed: true } : { count, suppressed: false };
}

/** A list of counts with its total, suppressed. */
export interface SuppressedList {
  items: CountCell[];
  total: CountCell;
}

/** Suppresses a one-dimensional list of counts published together with its total. */
export function suppressList(counts: readonly number[]): SuppressedList {
  const total = counts.reduce((s, n) => s + n, 0);
  const values = [...counts, total];
  const hidden = suppressedValues(values, [
    { total: counts.length, parts: counts.map((_, i) => i) },
  ]);
  return {
    items: counts.map((n, i) => cellOf(n, hidden[i])),
    total: cellOf(total, hidden[counts.length]),
  };
}

/** A two-dimensional table of counts with row totals, column totals and the grand total. */
export interface SuppressedTable {
  cells: CountCell[][];
  rowTotals: CountCell[];
  columnTotals: CountCell[];
  total: CountCell;
}

/**
 * Suppresses a table of counts (`counts[row][column]`, every row as long as `columns`) that is
 * published with its row totals, column totals and grand total.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  columns: number,
): SuppressedTable {
  const rows = counts.length;
  if (counts.some((row) => row.length !== columns)) throw new Error('the table is not rectangular');
  const cell = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  const rowSums = counts.map((row) => row.reduce((s, n) => s + n, 0));
  const columnSums = Array.from({ length: columns }, (_, c) =>
    counts.reduce((s, row) => s + row[c], 0),
  );
  const values = [...counts.flat(), ...rowSums, ...columnSums, rowSums.reduce((s, n) => s + n, 0)];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const relations: Relation[] = [
    ...range(rows).map((r) => ({
      total: rowTotal(r),
      parts: range(columns).map((c) => cell(r, c)),
    })),
    ...range(columns).map((c) => ({
      total: columnTotal(c),
      parts: range(rows).map((r) => cell(r, c)),
    })),
    { total: grand, parts: range(rows).map(rowTotal) },
    { total: grand, parts: range(columns).map(columnTotal) },
  ];
  const hidden = suppressedValues(values, relations);
  return {
    cells: counts.map((row, r) => row.map((n, c) => cellOf(n, hidden[cell(r, c)]))),
    rowTotals: rowSums.map((n, r) => cellOf(n, hidden[rowTotal(r)])),
    columnTotals: columnSums.map((n, c) => cellOf(n, hidden[columnTotal(c)])),
    total: cellOf(values[grand], hidden[grand]),
  };
}

/** A count of a group, split into sub-counts that add up to it. */
export interface SuppressedGroup {
  total: CountCell;
  parts: CountCell[];
}

/**
 * Suppresses a list whose items are further split: `groups[i]` are counts that add up to the
 * list's `counts[i]`, published next to it (e.g. referrals by state, and the closed states by
 * outcome). Both levels are suppressed together, so that a group total hidden in the list is
 * not given away by its published parts, and vice versa.
 */
export function suppressNestedList(
  counts: readonly number[],
  groups: ReadonlyMap<number, readonly number[]>,
): { list: SuppressedList; groups: Map<number, SuppressedGroup>; problem: SuppressionProblem } {
  const total = counts.reduce((s, n) => s + n, 0);
  const values = [...counts, total];
  const relations: Relation[] = [{ total: counts.length, parts: counts.map((_, i) => i) }];
  const offsets = new Map<number, number>();
  for (const [item, parts] of groups) {
    if (parts.reduce((s, n) => s + n, 0) !== counts[item]) {
      throw new Error('a group does not add up to its count');
    }
    offsets.set(item, values.length);
    relations.push({ total: item, parts: parts.map((_, k) => values.length + k) });
    values.push(...parts);
  }
  const hidden = suppressedValues(values, relations);
  const out = new Map<number, SuppressedGroup>();
  for (const [item, parts] of groups) {
    const offset = offsets.get(item)!;
    out.set(item, {
      total: cellOf(counts[item], hidden[item]),
      parts: parts.map((n, k) => cellOf(n, hidden[offset + k])),
    });
  }
  return {
    list: {
      items: counts.map((n, i) => cellOf(n, hidden[i])),
      total: cellOf(total, hidden[counts.length]),
    },
    groups: out,
    problem: { values, relations, hidden },
  };
}

/**
 * A suppression as solved: the values (the list's items first, then its total), the relations
 * a reader knows, and which values are suppressed.
 */
export interface SuppressionProblem {
  values: readonly number[];
  relations: readonly Relation[];
  hidden: readonly boolean[];
}

/**
 * Whether publishing `extra` values as well (indices from `problem.values.length` on), tied to
 * the problem's values by `relations`, keeps every suppressed value unrecoverable. False also
 * when a relation does not hold, so that inconsistent figures are never published.
 */
export function staysProtected(
  problem: SuppressionProblem,
  extra: readonly number[],
  relations: readonly Relation[],
): boolean {
  const values = [...problem.values, ...extra];
  for (const relation of relations) {
    const sum = relation.parts.reduce((s, i) => s + values[i], 0);
    if (values[relation.total] !== sum) return false;
  }
  const hidden = [...problem.hidden, ...extra.map(() => false)];
  return pinnedValues(values.length, [...problem.relations, ...relations], hidden).length === 0;
}
