import { disclosureAudit, STATISTICS_AUDIT_BUDGET, type AuditBudget } from './disclosure-audit';
import {
  controlDisclosure,
  type DisclosureProblem,
  type Relation,
  type ValueRole,
} from './suppression';

/**
 * a + b + c = t with c published: a + b = 7, and the bounds a + c ≤ 13, b + c ≤ 14 (both tight)
 * pin a = 3 and b = 4 in whole numbers, which linear algebra alone does not see. The audit must
 * find it, and the step hide c as well.
 */
const BOUNDED: DisclosureProblem = {
  values: [3, 4, 10, 17, 13, 14],
  relations: [{ total: 3, parts: [0, 1, 2] }],
  bounds: [
    { lower: [0, 2], upper: [4] },
    { lower: [1, 2], upper: [5] },
  ],
};

const budget = (overrides: Partial<AuditBudget>): AuditBudget => ({
  ...STATISTICS_AUDIT_BUDGET,
  ...overrides,
});

/** A clock that moves on by `step` milliseconds every time it is read: deterministic. */
function steppingClock(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

describe('the disclosure audit within its budget', () => {
  it('proves what it can within the budget, and the step publishes the rest', () => {
    const audit = disclosureAudit();
    const hidden = controlDisclosure(BOUNDED, audit);
    expect(hidden).toEqual([true, true, true, false, false, false]);
    expect(audit.spent()).toBe(false);
  });

  it('fails closed when its programs run out: every cell hidden, the pinned values never published', () => {
    for (const programs of [0, 1, 2]) {
      const audit = disclosureAudit(budget({ programs }));
      const hidden = controlDisclosure(BOUNDED, audit);
      expect(audit.spent()).toBe(true);
      expect(audit.programs()).toBeLessThanOrEqual(programs);
      expect(hidden).toEqual(BOUNDED.values.map(() => true));
    }
  });

  it('fails closed when its time runs out, by its own clock', () => {
    // Every reading of the clock is 10 ms later: the budget of 25 ms lasts two readings.
    const audit = disclosureAudit(budget({ milliseconds: 25 }), steppingClock(10));
    const hidden = controlDisclosure(BOUNDED, audit);
    expect(audit.spent()).toBe(true);
    expect(hidden).toEqual(BOUNDED.values.map(() => true));
  });

  it('counts a value it could not decide as exposed, never as safe', () => {
    const audit = disclosureAudit(budget({ programs: 1 }));
    // One program answers whether a can be more than 3 (no); whether it can be less is left.
    expect(
      audit.exposed(
        BOUNDED,
        [true, true, false, false, false, false],
        [true, true, false, false, false, false],
      ),
    ).toEqual([0, 1]);
    expect(audit.programs()).toBe(1);
  });

  it('keeps a value settled for the rest of the step: a witness stays one when more is hidden', () => {
    const audit = disclosureAudit();
    const unknown = [true, true, true, false, false, false];
    expect(audit.exposed(BOUNDED, unknown, unknown)).toEqual([]);
    const solved = audit.programs();
    expect(solved).toBeGreaterThan(0);
    // The same step asks again after hiding one more value: nothing is solved again.
    const more = [true, true, true, false, true, false];
    expect(audit.exposed(BOUNDED, more, unknown)).toEqual([]);
    expect(audit.programs()).toBe(solved);
    // Another problem is another step: what this one settled says nothing there.
    expect(() => audit.exposed({ ...BOUNDED }, unknown, unknown)).toThrow(/one step/);
  });

  it('ends a step that would need far more programs at its budget, publishing no cell', () => {
    const problem = copiesOf(BOUNDED, 25, 3);
    const cells = problem.values.flatMap((_, i) => (problem.roles![i] === 'cell' ? [i] : []));
    const fixed = problem.values.length - 1;
    // Unbounded, the step needs many programs (25 groups, each pinned by its bounds) and
    // publishes part of each copy.
    const unbounded = disclosureAudit(budget({ programs: Number.POSITIVE_INFINITY }));
    const exact = controlDisclosure(problem, unbounded);
    expect(unbounded.programs()).toBeGreaterThan(100);
    expect(cells.filter((i) => !exact[i]).length).toBe(25 * 3);
    // With a budget of 40 programs it stops there: every audit round after that is refused.
    let rounds = 0;
    const bounded = disclosureAudit(budget({ programs: 40 }));
    const counting = {
      spent: () => bounded.spent(),
      exposed: (...args: Parameters<typeof bounded.exposed>) => {
        rounds++;
        return bounded.exposed(...args);
      },
    };
    const hidden = controlDisclosure(problem, counting);
    expect(bounded.spent()).toBe(true);
    expect(bounded.programs()).toBe(40);
    expect(rounds).toBeLessThanOrEqual(40);
    expect(cells.every((i) => hidden[i])).toBe(true);
    // What is always published anyway (role `fixed`) stays published.
    expect(hidden[fixed]).toBe(false);
  });
});

/**
 * `count` separate copies of `problem` (its values, relations and bounds shifted), and the sum of
 * the copies' values at `at` as a `fixed` value (published whatever happens, like the capacity
 * figures).
 */
function copiesOf(problem: DisclosureProblem, count: number, at: number): DisclosureProblem {
  const size = problem.values.length;
  const shift = (k: number) => (i: number) => i + k * size;
  const copies = Array.from({ length: count }, (_, k) => k);
  const values = copies.flatMap(() => [...problem.values]);
  const relations: Relation[] = copies.flatMap((k) =>
    problem.relations.map((r) => ({ total: shift(k)(r.total), parts: r.parts.map(shift(k)) })),
  );
  const bounds = copies.flatMap((k) =>
    (problem.bounds ?? []).map((b) => ({
      lower: b.lower.map(shift(k)),
      upper: b.upper.map(shift(k)),
    })),
  );
  const roles: ValueRole[] = values.map(() => 'cell');
  relations.push({ total: values.length, parts: copies.map((k) => shift(k)(at)) });
  values.push(count * problem.values[at]);
  roles.push('fixed');
  return { values, roles, relations, bounds };
}
