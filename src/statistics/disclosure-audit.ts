import { solve, type Constraint, type Model } from 'yalps';
import { controlDisclosure, type DisclosureAudit, type DisclosureProblem } from './suppression';

/**
 * The exact check of a disclosure-control step (the attacker's own computation): for every
 * protected unknown, is there a second assignment of whole, non-negative numbers to all the
 * unknowns that satisfies every relation and bound with the published values, and gives it
 * another value? Integer programs solved by YALPS (pure TypeScript; ADR 0012), one connected
 * group of unknowns at a time.
 *
 * Each is a feasibility question (another value above, else below the true one), answered by the
 * first whole solution branch and bound finds; each solution is a witness for every unknown it
 * moves away from its true value, so most values are settled without a program of their own.
 *
 * A witness stays one when the step suppresses more (the newly unknown value keeps its true
 * value in it), so a value once settled stays settled for the rest of the step: one audit
 * (`disclosureAudit`) serves one step and remembers them.
 *
 * Bounded (docs/architecture/0012-statistics-disclosure-control.md, "The audit's budget"): the audit of one step may solve at
 * most `programs` programs of at most `pivots` simplex pivots each, within `milliseconds` by its
 * clock. Then it is spent: what it has not proven counts as exposed, and the step hides every
 * cell (fails closed), publishing nothing the availability answer does not publish anyway.
 */

/** What the audit of one disclosure-control step may spend. */
export interface AuditBudget {
  /** Linear programs in all (relaxations and branch-and-bound runs, each counts one). */
  programs: number;
  /** Simplex pivots per linear program (YALPS `maxPivots`); more leaves it unanswered. */
  pivots: number;
  /** Milliseconds of the step in all, by the audit's clock. */
  milliseconds: number;
  /** Milliseconds of one branch and bound at most (YALPS `timeout`). */
  branchMilliseconds: number;
}

/**
 * The budget of one computation of a scope's statistics
 * (docs/architecture/0012-statistics-disclosure-control.md, "The audit's budget"). On the benchmark's small world (10,000
 * referrals) a jobcenter's exact step needs 52–84 s (650 rounds, 10,635 relaxations of up to
 * 2,052 unknowns, none beyond 4,096 pivots, the largest 261 ms), so it spends this budget and
 * fails closed; a provider's needs 2–263 ms.
 */
export const STATISTICS_AUDIT_BUDGET: Readonly<AuditBudget> = {
  programs: 20_000,
  pivots: 4_096,
  milliseconds: 5_000,
  branchMilliseconds: 250,
};

/** The disclosure audit of one step, within `budget` by `clock` (milliseconds). */
export function disclosureAudit(
  budget: Readonly<AuditBudget> = STATISTICS_AUDIT_BUDGET,
  clock: () => number = Date.now,
): DisclosureAudit & { programs(): number } {
  const started = clock();
  let programs = 0;
  const settled = new Set<number>();
  let served: DisclosureProblem | undefined;
  const spent = () => programs >= budget.programs || clock() - started >= budget.milliseconds;
  const exposed = (
    problem: DisclosureProblem,
    unknown: readonly boolean[],
    isProtected: readonly boolean[],
  ): number[] => {
    // What is settled holds for this step's problem only (and only as the step hides more).
    if (served !== undefined && served !== problem) {
      throw new Error('a disclosure audit serves one step only');
    }
    served = problem;
    const open = (i: number) => isProtected[i] && !settled.has(i);
    const result: number[] = [];
    for (const group of groupsOf(problem, unknown)) {
      if (!group.members.some(open)) continue;
      /** A whole solution with x_target at least `min` or at most `max`: settles what it moves. */
      const witness = (target: number, bound: Constraint): void => {
        if (spent()) return;
        programs++;
        const model: Model<string, string> = {
          constraints: [...group.constraints, ['target', bound]],
          variables: group.members.map((i) => [
            `v${i}`,
            i === target
              ? [...group.coefficients.get(i)!, ['target', 1]]
              : group.coefficients.get(i)!,
          ]),
          integers: true,
        };
        // The relaxation first: a vertex in whole numbers is a whole solution (almost always so
        // for margins); branch and bound only otherwise. A program without an answer in its
        // pivots or time leaves the value unsettled, i.e. suppressed further: fails closed.
        const options = { includeZeroVariables: true, maxPivots: budget.pivots };
        const relaxed = solve({ ...model, integers: false }, options);
        if (relaxed.status === 'infeasible') return;
        const whole = relaxed.variables.every(([, v]) => Math.abs(v - Math.round(v)) < 1e-6);
        let solution = relaxed;
        if (relaxed.status !== 'optimal' || !whole) {
          if (relaxed.status !== 'optimal' || spent()) return;
          programs++;
          const left = budget.milliseconds - (clock() - started);
          solution = solve(model, {
            ...options,
            timeout: Math.max(0, Math.min(budget.branchMilliseconds, left)),
          });
        }
        if (solution.status !== 'optimal') return;
        for (const [name, value] of solution.variables) {
          const i = Number(name.slice(1));
          if (Math.round(value) !== problem.values[i]) settled.add(i);
        }
      };
      for (const i of group.members) {
        if (!open(i)) continue;
        witness(i, { min: problem.values[i] + 1 });
        // Counts are never negative: a 0 has nothing below it to look for.
        if (!settled.has(i) && problem.values[i] > 0) witness(i, { max: problem.values[i] - 1 });
        // Unproven either way (the budget ran out, or a program had no answer): exposed all
        // the same, so the step suppresses further or fails closed.
        if (!settled.has(i)) result.push(i);
      }
    }
    return result.sort((a, b) => a - b);
  };
  return { exposed, spent, programs: () => programs };
}

/** What a disclosure-control step decided: the hidden values, and whether it failed closed. */
export interface StepOutcome {
  hidden: boolean[];
  /** The step found the audit's budget spent and hid every cell. */
  failedClosed: boolean;
}

/** Runs the step of `problem` with `audit`, noting whether it failed closed. */
export function auditedStep(problem: DisclosureProblem, audit: DisclosureAudit): StepOutcome {
  let failedClosed = false;
  const hidden = controlDisclosure(problem, {
    exposed: (...args) => audit.exposed(...args),
    spent: () => {
      const spent = audit.spent();
      failedClosed ||= spent;
      return spent;
    },
  });
  return { hidden, failedClosed };
}

/** A connected group of unknowns with the constraints on it (published values moved right). */
interface Group {
  members: number[];
  constraints: [string, Constraint][];
  coefficients: Map<number, [string, number][]>;
}

function groupsOf(problem: DisclosureProblem, unknown: readonly boolean[]): Group[] {
  const { values } = problem;
  const links = [
    ...problem.relations
      .filter((r) => r.parts.length > 0)
      .map((r) => ({
        terms: [[r.total, 1], ...r.parts.map((p) => [p, -1] as [number, number])] as [
          number,
          number,
        ][],
        equal: true,
      })),
    ...(problem.bounds ?? []).map((b) => ({
      terms: [
        ...b.lower.map((i) => [i, 1] as [number, number]),
        ...b.upper.map((i) => [i, -1] as [number, number]),
      ],
      equal: false,
    })),
  ]
    .map((link) => ({ ...link, terms: merged(link.terms) }))
    .filter((link) => link.terms.some(([i]) => unknown[i]));

  // Groups of unknowns that share a link: each is checked on its own.
  const parent = values.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const link of links) {
    const members = link.terms.map(([i]) => i).filter((i) => unknown[i]);
    for (const i of members.slice(1)) parent[find(i)] = find(members[0]);
  }
  const groups = new Map<number, Group>();
  values.forEach((_, i) => {
    if (!unknown[i]) return;
    const root = find(i);
    let group = groups.get(root);
    if (!group) {
      group = { members: [], constraints: [], coefficients: new Map() };
      groups.set(root, group);
    }
    group.members.push(i);
    group.coefficients.set(i, []);
  });
  links.forEach((link, k) => {
    const group = groups.get(find(link.terms.find(([i]) => unknown[i])![0]))!;
    // Published members move to the right-hand side.
    const known = link.terms
      .filter(([i]) => !unknown[i])
      .reduce((s, [i, c]) => s + c * values[i], 0);
    group.constraints.push([`c${k}`, link.equal ? { equal: -known } : { max: -known }]);
    for (const [i, c] of link.terms) {
      if (unknown[i]) group.coefficients.get(i)!.push([`c${k}`, c]);
    }
  });
  return [...groups.values()];
}

/** Adds up the coefficients of a value that occurs more than once in one link. */
function merged(terms: [number, number][]): [number, number][] {
  const sums = new Map<number, number>();
  for (const [i, c] of terms) sums.set(i, (sums.get(i) ?? 0) + c);
  return [...sums].filter(([, c]) => c !== 0);
}
