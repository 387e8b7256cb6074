import { solve, type Constraint, type Model } from 'yalps';
import type { DisclosureProblem } from './suppression';

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
 */
/** How long one integer program of the audit may run before its value counts as exposed. */
const AUDIT_TIMEOUT_MS = 250;

export function exposedValues(
  problem: DisclosureProblem,
  unknown: readonly boolean[],
  isProtected: readonly boolean[],
): number[] {
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
  const groups = new Map<number, number[]>();
  values.forEach((_, i) => {
    if (!unknown[i]) return;
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });

  const exposed: number[] = [];
  for (const members of groups.values()) {
    if (!members.some((i) => isProtected[i])) continue;
    const inGroup = new Set(members);
    const constraints: [string, Constraint][] = [];
    const coefficients = new Map<number, [string, number][]>(members.map((i) => [i, []]));
    links.forEach((link, k) => {
      if (!link.terms.some(([i]) => inGroup.has(i))) return;
      // Published members move to the right-hand side.
      const known = link.terms
        .filter(([i]) => !unknown[i])
        .reduce((s, [i, c]) => s + c * values[i], 0);
      constraints.push([`c${k}`, link.equal ? { equal: -known } : { max: -known }]);
      for (const [i, c] of link.terms) {
        if (unknown[i]) coefficients.get(i)!.push([`c${k}`, c]);
      }
    });
    const settled = new Set<number>();
    /** A whole solution with x_target at least `min` or at most `max`: settles what it moves. */
    const witness = (target: number, bound: Constraint): void => {
      const model: Model<string, string> = {
        constraints: [...constraints, ['target', bound]],
        variables: members.map((i) => [
          `v${i}`,
          i === target ? [...coefficients.get(i)!, ['target', 1]] : coefficients.get(i)!,
        ]),
        integers: true,
      };
      // The relaxation first: a vertex in whole numbers is a whole solution (almost always so
      // for margins); branch and bound only otherwise, bounded in time. No answer in time
      // leaves the value unsettled, i.e. suppressed further: the step fails closed.
      const relaxed = solve({ ...model, integers: false }, { includeZeroVariables: true });
      if (relaxed.status === 'infeasible') return;
      const whole = relaxed.variables.every(([, v]) => Math.abs(v - Math.round(v)) < 1e-6);
      const solution =
        relaxed.status === 'optimal' && whole
          ? relaxed
          : solve(model, { includeZeroVariables: true, timeout: AUDIT_TIMEOUT_MS });
      if (solution.status !== 'optimal') return;
      for (const [name, value] of solution.variables) {
        const i = Number(name.slice(1));
        if (Math.round(value) !== values[i]) settled.add(i);
      }
    };
    for (const i of members) {
      if (!isProtected[i] || settled.has(i)) continue;
      witness(i, { min: values[i] + 1 });
      if (!settled.has(i)) witness(i, { max: values[i] - 1 });
      if (!settled.has(i)) exposed.push(i);
    }
  }
  return exposed.sort((a, b) => a - b);
}

/** Adds up the coefficients of a value that occurs more than once in one link. */
function merged(terms: [number, number][]): [number, number][] {
  const sums = new Map<number, number>();
  for (const [i, c] of terms) sums.set(i, (sums.get(i) ?? 0) + c);
  return [...sums].filter(([, c]) => c !== 0);
}
