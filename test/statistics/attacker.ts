import { solve, type Constraint } from 'yalps';

/*
 * The attacker of the statistics (issue 16, point 3): given everything that statistics
 * responses of one scope published — any number of years, every table, the bases of the rate
 * and the medians, the capacity figures — it asks, for every suppressed figure, which whole
 * numbers it can still take. It knows nothing of the production's disclosure-control model: it
 * works on the referrals themselves, one integer variable per kind of referral ("atom": year,
 * month, counterpart, state, outcome, accepted before a cancellation, first contact counted,
 * set of requested services), and every published figure is the sum of the atoms it counts. An
 * integer program (YALPS) maximises and minimises each suppressed figure; every solution found
 * also tells the values of all the others, so most figures need no program of their own.
 */

type Cell = { count: number | null; suppressed: boolean };
type Outcome = Cell & { outcome: string };
interface Body {
  year: number;
  months: string[];
  byState: { items: (Cell & { state: string })[]; total: Cell };
  byOutcome: { state: string; total: Cell; outcomes: Outcome[] }[];
  byProviderAndMonth?: MonthTable;
  byJobcenterAndMonth?: MonthTable;
  byServiceAndMonth: {
    rows: { service: string; cells: Cell[]; total: Cell }[];
    columnTotals: Cell[];
    total: Cell;
  };
  acceptanceRate: { accepted: Cell; decided: Cell };
  medianDaysToAcceptance: { basis: Cell };
  medianDaysToFirstContact: { basis: Cell };
  medianDaysToClosure: { basis: Cell };
  capacityUse: {
    contractId: string;
    providerId: string;
    jobcenterId: string;
    openReferrals: number;
  }[];
  perspective: 'jobcenter' | 'provider';
}
interface MonthTable {
  rows: { organisationId: string; cells: Cell[]; total: Cell }[];
  columnTotals: Cell[];
  total: Cell;
}

interface Atom {
  year: number;
  month: number;
  counterpart: string;
  state: string;
  code: string;
  acceptedCancel: boolean;
  firstContact: boolean;
  services: string[];
}

/** A published figure: the atoms it counts and its value (null: suppressed). */
interface Figure {
  name: string;
  count: (a: Atom) => boolean;
  value: number | null;
}

const OPEN = ['requested', 'accepted', 'in_progress', 'on_hold'];
const ACCEPTED = ['accepted', 'in_progress', 'on_hold', 'completed', 'ended'];

function subsets<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) {
    out.push(items.filter((_, i) => mask & (1 << i)));
  }
  return out;
}

function figuresOf(body: Body): Figure[] {
  const y = body.year;
  const figures: Figure[] = [];
  const add = (name: string, cell: Cell, count: (a: Atom) => boolean) =>
    figures.push({
      name: `${y} ${name}`,
      count: (a) => a.year === y && count(a),
      value: cell.suppressed ? null : cell.count,
    });
  add('total', body.byState.total, () => true);
  for (const item of body.byState.items)
    add(`state ${item.state}`, item, (a) => a.state === item.state);
  for (const group of body.byOutcome) {
    for (const o of group.outcomes) {
      add(
        `outcome ${group.state} ${o.outcome}`,
        o,
        (a) => a.state === group.state && a.code === o.outcome,
      );
    }
  }
  const accepted = (a: Atom) =>
    ACCEPTED.includes(a.state) || (a.state === 'cancelled' && a.acceptedCancel);
  add('accepted', body.acceptanceRate.accepted, accepted);
  add('decided', body.acceptanceRate.decided, (a) => accepted(a) || a.state === 'rejected');
  add('acceptance basis', body.medianDaysToAcceptance.basis, accepted);
  add('first contact basis', body.medianDaysToFirstContact.basis, (a) => a.firstContact);
  add(
    'closure basis',
    body.medianDaysToClosure.basis,
    (a) =>
      ['completed', 'ended'].includes(a.state) || (a.state === 'cancelled' && a.acceptedCancel),
  );
  const table = body.byProviderAndMonth ?? body.byJobcenterAndMonth!;
  for (const row of table.rows) {
    row.cells.forEach((c, m) =>
      add(
        `cell ${row.organisationId} ${m + 1}`,
        c,
        (a) => a.counterpart === row.organisationId && a.month === m + 1,
      ),
    );
    add(`row ${row.organisationId}`, row.total, (a) => a.counterpart === row.organisationId);
  }
  table.columnTotals.forEach((c, m) => add(`month ${m + 1}`, c, (a) => a.month === m + 1));
  const services = body.byServiceAndMonth;
  for (const row of services.rows) {
    row.cells.forEach((c, m) =>
      add(
        `service ${row.service} ${m + 1}`,
        c,
        (a) => a.month === m + 1 && a.services.includes(row.service),
      ),
    );
  }
  // Sums of requests, not of referrals: linear in the atoms with a coefficient per service.
  return figures;
}

/** Requests (a referral counts once per service): figures whose coefficients are not 0/1. */
function requestFigures(
  body: Body,
): { name: string; weight: (a: Atom) => number; value: number | null }[] {
  const y = body.year;
  const s = body.byServiceAndMonth;
  const out: { name: string; weight: (a: Atom) => number; value: number | null }[] = [];
  const value = (c: Cell) => (c.suppressed ? null : c.count);
  for (const row of s.rows) {
    out.push({
      name: `${y} service ${row.service}`,
      weight: (a) => (a.year === y && a.services.includes(row.service) ? 1 : 0),
      value: value(row.total),
    });
  }
  s.columnTotals.forEach((c, m) =>
    out.push({
      name: `${y} requests ${m + 1}`,
      weight: (a) => (a.year === y && a.month === m + 1 ? a.services.length : 0),
      value: value(c),
    }),
  );
  out.push({
    name: `${y} requests`,
    weight: (a) => (a.year === y ? a.services.length : 0),
    value: value(s.total),
  });
  return out;
}

function atomsOf(body: Body): Atom[] {
  const y = body.year;
  const table = body.byProviderAndMonth ?? body.byJobcenterAndMonth!;
  const nonZero = (c: Cell) => c.suppressed || (c.count ?? 0) > 0;
  const months = table.columnTotals.map((c, m) => (nonZero(c) ? m + 1 : 0)).filter((m) => m > 0);
  const counterparts = table.rows.filter((r) => nonZero(r.total)).map((r) => r.organisationId);
  const classes: { state: string; code: string; acceptedCancel: boolean }[] = [];
  for (const item of body.byState.items.filter(nonZero)) {
    const group = body.byOutcome.find((g) => g.state === item.state);
    const codes = group ? group.outcomes.filter(nonZero).map((o) => o.outcome) : [''];
    for (const code of codes) {
      for (const acceptedCancel of item.state === 'cancelled' ? [false, true] : [false]) {
        classes.push({ state: item.state, code, acceptedCancel });
      }
    }
  }
  const serviceSets = subsets(
    body.byServiceAndMonth.rows.filter((r) => nonZero(r.total)).map((r) => r.service),
  );
  const atoms: Atom[] = [];
  for (const month of months) {
    for (const counterpart of counterparts) {
      for (const c of classes) {
        const canContact =
          ACCEPTED.includes(c.state) || (c.state === 'cancelled' && c.acceptedCancel);
        for (const firstContact of canContact ? [false, true] : [false]) {
          for (const services of serviceSets) {
            atoms.push({ year: y, month, counterpart, ...c, firstContact, services });
          }
        }
      }
    }
  }
  return atoms;
}

export interface FigureRange {
  name: string;
  /** The distinct whole values found feasible (at least two means protected). */
  values: number[];
}

/**
 * Every suppressed figure of the responses with the feasible values found for it; a figure
 * with one value only is recovered. `allYears`: the responses are those of every year with
 * referrals, so the capacity figures (open referrals now, whenever sent) are sums over them.
 */
export function attack(bodies: Body[], options: { allYears: boolean }): FigureRange[] {
  const figures = bodies.flatMap(figuresOf);
  const requests = bodies.flatMap(requestFigures);
  let atoms = bodies.flatMap(atomsOf);
  // A published 0 rules out every atom it counts.
  for (const f of figures) if (f.value === 0) atoms = atoms.filter((a) => !f.count(a));
  for (const r of requests) if (r.value === 0) atoms = atoms.filter((a) => r.weight(a) === 0);

  const constraints: [string, Constraint][] = [];
  const coefficients: [string, number][][] = atoms.map(() => []);
  const constrain = (name: string, weight: (a: Atom) => number, value: number) => {
    constraints.push([name, { equal: value }]);
    atoms.forEach((a, k) => {
      const w = weight(a);
      if (w !== 0) coefficients[k].push([name, w]);
    });
  };
  figures.forEach((f, i) => {
    if (f.value !== null) constrain(`f${i}`, (a) => (f.count(a) ? 1 : 0), f.value);
  });
  requests.forEach((r, i) => {
    if (r.value !== null) constrain(`r${i}`, r.weight, r.value);
  });
  // Open referrals now per contract, whenever sent: with every year's responses at hand, the
  // open referrals of a counterpart (one contract each in the tested worlds) over all years.
  const contracts = new Map<string, { counterpart: string; open: number }>();
  for (const body of bodies) {
    for (const c of body.capacityUse) {
      const counterpart = body.perspective === 'jobcenter' ? c.providerId : c.jobcenterId;
      contracts.set(c.contractId, { counterpart, open: c.openReferrals });
    }
  }
  const open = new Map<string, number>();
  for (const c of contracts.values())
    open.set(c.counterpart, (open.get(c.counterpart) ?? 0) + c.open);
  for (const [counterpart, n] of open) {
    const weight = (a: Atom) => (a.counterpart === counterpart && OPEN.includes(a.state) ? 1 : 0);
    if (options.allYears) constrain(`open ${counterpart}`, weight, n);
    else {
      constraints.push([`open ${counterpart}`, { max: n }]);
      atoms.forEach((a, k) => {
        if (weight(a)) coefficients[k].push([`open ${counterpart}`, 1]);
      });
    }
  }

  const suppressed = [
    ...figures
      .filter((f) => f.value === null)
      .map((f) => ({ name: f.name, weight: (a: Atom) => (f.count(a) ? 1 : 0) })),
    ...requests.filter((r) => r.value === null),
  ];
  const seen = suppressed.map(() => new Set<number>());
  const valueOf = (f: { weight: (a: Atom) => number }, x: Map<number, number>) =>
    atoms.reduce((sum, a, k) => sum + f.weight(a) * (x.get(k) ?? 0), 0);
  /** A whole solution with the extra constraint, or null when there is none. */
  const feasible = (extra: [string, Constraint, (a: Atom) => number][]) => {
    const solution = solve(
      {
        constraints: [
          ...constraints,
          ...extra.map(([name, c]) => [name, c] as [string, Constraint]),
        ],
        variables: atoms.map((a, k) => [
          `a${k}`,
          [
            ...coefficients[k],
            ...extra
              .map(([name, , weight]) => [name, weight(a)] as [string, number])
              .filter(([, w]) => w !== 0),
          ],
        ]),
        integers: true,
      },
      { includeZeroVariables: true },
    );
    if (solution.status === 'infeasible') return null;
    if (solution.status !== 'optimal') throw new Error(`attacker: ${solution.status}`);
    const x = new Map(solution.variables.map(([k, v]) => [Number(k.slice(1)), Math.round(v)]));
    suppressed.forEach((f, i) => seen[i].add(valueOf(f, x)));
    return x;
  };
  if (!feasible([])) throw new Error('the published figures are infeasible for the attacker');
  // For each figure, another whole value than the one seen first, above or below it.
  suppressed.forEach((f, i) => {
    if (seen[i].size >= 2) return;
    const [value] = [...seen[i]];
    if (!feasible([['probe', { min: value + 1 }, f.weight]])) {
      feasible([['probe', { max: value - 1 }, f.weight]]);
    }
  });
  return suppressed.map((f, i) => ({ name: f.name, values: [...seen[i]].sort((a, b) => a - b) }));
}

/** The suppressed figures the attacker pins to one value. */
export function recovered(bodies: Body[], options = { allYears: true }): FigureRange[] {
  return attack(bodies, options).filter((r) => r.values.length < 2);
}
