import fc from 'fast-check';
import {
  pinnedValues,
  staysProtected,
  suppressedValues,
  suppressList,
  suppressNestedList,
  suppressTable,
  type CountCell,
  type SuppressedTable,
} from './suppression';

const S: CountCell = { count: null, suppressed: true };
const n = (count: number): CountCell => ({ count, suppressed: false });

describe('suppressList', () => {
  it('publishes 0 and counts from 5, suppresses 1 to 4', () => {
    expect(suppressList([0, 5, 7, 0]).items).toEqual([n(0), n(5), n(7), n(0)]);
    const { items } = suppressList([1, 4, 5, 9]);
    expect(items.slice(0, 2)).toEqual([S, S]);
  });

  it('suppresses the smallest non-zero published cell next to a lone small one', () => {
    expect(suppressList([3, 0, 12, 10])).toEqual({ items: [S, n(0), n(12), S], total: n(25) });
  });

  it('needs no complement when two cells are small, or when the total is small too', () => {
    expect(suppressList([2, 3, 9])).toEqual({ items: [S, S, n(9)], total: n(14) });
    expect(suppressList([3, 0])).toEqual({ items: [S, n(0)], total: S });
  });

  it('publishes an empty list as zeros', () => {
    expect(suppressList([])).toEqual({ items: [], total: n(0) });
    expect(suppressList([0, 0])).toEqual({ items: [n(0), n(0)], total: n(0) });
  });
});

describe('suppressTable', () => {
  it('suppresses small cells, then complements in rows and columns, to a fixed point', () => {
    const t = suppressTable(
      [
        [3, 8, 9],
        [7, 10, 12],
        [6, 11, 20],
      ],
      3,
    );
    // 3 is small; its row takes 8, its column 6; column of 8 takes 10, row of 6 takes 11 …
    expect(t.cells[0][0]).toEqual(S);
    expect(check(t)).toEqual([]);
    expect(t.total).toEqual(n(86));
  });

  it('leaves a table without small cells alone', () => {
    const t = suppressTable(
      [
        [5, 6],
        [7, 0],
      ],
      2,
    );
    expect(t.cells).toEqual([
      [n(5), n(6)],
      [n(7), n(0)],
    ]);
    expect(t.rowTotals).toEqual([n(11), n(7)]);
    expect(t.columnTotals).toEqual([n(12), n(6)]);
  });

  it('breaks a link that pins a value although every row and column has two suppressed', () => {
    // Two 2×2 blocks of small cells joined by one small cell: every line holds 0 or ≥ 2
    // suppressed cells, yet the joining cell is determined by the margins.
    const counts = [
      [1, 1, 4, 0, 20],
      [1, 1, 0, 0, 20],
      [0, 0, 1, 1, 20],
      [0, 0, 1, 1, 20],
      [20, 20, 20, 20, 20],
    ];
    const primary = counts.map((row) => row.map((v) => v >= 1 && v <= 4));
    const values = [...counts.flat()];
    const relations = tableRelations(5, 5);
    const hiddenPrimary = [...primary.flat(), ...Array(11).fill(false)];
    expect(pinnedValues(values.length + 11, relations, hiddenPrimary)).toContain(2);
    const t = suppressTable(counts, 5);
    expect(check(t)).toEqual([]);
    expect(exactlyPinned(counts, t)).toEqual([]);
  });

  it('handles one row, one column and no rows', () => {
    const row = suppressTable([[3, 7, 0]], 3);
    expect(row.cells[0]).toEqual([S, S, n(0)]);
    expect(row.columnTotals).toEqual([S, S, n(0)]);
    expect(row.rowTotals).toEqual([n(10)]);
    expect(check(row)).toEqual([]);
    const column = suppressTable([[3], [7]], 1);
    expect(column.cells).toEqual([[S], [S]]);
    expect(column.rowTotals).toEqual([S, S]);
    expect(suppressTable([], 2)).toEqual({
      cells: [],
      rowTotals: [],
      columnTotals: [n(0), n(0)],
      total: n(0),
    });
  });

  it('refuses values that are not counts or relations that do not hold', () => {
    expect(() => suppressedValues([-1], [])).toThrow();
    expect(() => suppressedValues([1.5], [])).toThrow();
    expect(() => suppressedValues([3, 1, 1], [{ total: 0, parts: [1, 2] }])).toThrow();
  });
});

describe('suppressNestedList', () => {
  it('keeps a group total hidden in the list from being added up from its published parts', () => {
    // States: requested 3 (small) → its list complement is the smallest other, ended (7).
    // Ended splits into 7 + 0: the 7 must go too, or it would give the ended count back.
    const { list, groups } = suppressNestedList(
      [3, 7, 20],
      new Map([
        [1, [7, 0]],
        [2, [15, 5]],
      ]),
    );
    expect(list.items).toEqual([S, S, n(20)]);
    expect(groups.get(1)).toEqual({ total: S, parts: [S, n(0)] });
    expect(groups.get(2)).toEqual({ total: n(20), parts: [n(15), n(5)] });
  });

  it('tells whether publishing further values would pin a suppressed one', () => {
    // 3 and 5 protect each other (17 published); a published 3 + 9 would give the 3 back, a
    // published 3 + 5 only repeats what the total says.
    const { list, problem } = suppressNestedList([3, 5, 9], new Map());
    expect(list).toEqual({ items: [S, S, n(9)], total: n(17) });
    const base = problem.values.length;
    expect(staysProtected(problem, [12], [{ total: base, parts: [0, 2] }])).toBe(false);
    expect(staysProtected(problem, [8], [{ total: base, parts: [0, 1] }])).toBe(true);
    expect(staysProtected(problem, [9], [{ total: base, parts: [0, 1] }])).toBe(false);
  });

  it('protects a small part of a group by the group’s other parts', () => {
    const { list, groups } = suppressNestedList([12], new Map([[0, [9, 3, 0]]]));
    expect(list.items).toEqual([n(12)]);
    expect(groups.get(0)).toEqual({ total: n(12), parts: [S, S, n(0)] });
  });
});

// ---------------------------------------------------------------------------------------------
// Audits, written independently of the implementation

/** The additive relations of a rows×columns table laid out as suppressTable documents. */
function tableRelations(rows: number, columns: number) {
  const range = (k: number) => Array.from({ length: k }, (_, i) => i);
  const cell = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  return [
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
}

/** The lines of a suppressed table (each row, each column, and both margins) with their totals. */
function linesOf(t: SuppressedTable): { name: string; total: CountCell; cells: CountCell[] }[] {
  const columns = t.columnTotals.length;
  return [
    ...t.cells.map((row, r) => ({ name: `row ${r}`, total: t.rowTotals[r], cells: row })),
    ...Array.from({ length: columns }, (_, c) => ({
      name: `column ${c}`,
      total: t.columnTotals[c],
      cells: t.cells.map((row) => row[c]),
    })),
    { name: 'row totals', total: t.total, cells: t.rowTotals },
    { name: 'column totals', total: t.total, cells: t.columnTotals },
  ];
}

/** Lines with a published total and exactly one suppressed cell: recoverable by subtraction. */
function check(t: SuppressedTable): string[] {
  return linesOf(t)
    .filter((l) => !l.total.suppressed && l.cells.filter((c) => c.suppressed).length === 1)
    .map((l) => l.name);
}

/** Exact rank of a small integer matrix, by elimination over rational numbers (bigint). */
function rank(matrix: bigint[][]): number {
  const m = matrix.map((row) => row.map((v) => ({ p: v, q: 1n })));
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const norm = (x: { p: bigint; q: bigint }) => {
    const g = gcd(x.p, x.q) || 1n;
    const s = x.q < 0n ? -1n : 1n;
    return { p: (s * x.p) / g, q: (s * x.q) / g };
  };
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && row[c].p !== 0n);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let i = r + 1; i < m.length; i++) {
      if (m[i][c].p === 0n) continue;
      const f = norm({ p: m[i][c].p * m[r][c].q, q: m[i][c].q * m[r][c].p });
      m[i] = m[i].map((x, k) =>
        norm({ p: x.p * f.q * m[r][k].q - f.p * m[r][k].p * x.q, q: x.q * f.q * m[r][k].q }),
      );
    }
    r++;
  }
  return r;
}

/**
 * Suppressed values of the table (cells and totals) that the published values determine
 * exactly through the table's linear relations: removing the value's column from the system of
 * relations over the suppressed values lowers its rank.
 */
function exactlyPinned(counts: number[][], t: SuppressedTable): number[] {
  const rows = counts.length;
  const columns = t.columnTotals.length;
  const hidden = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total].map(
    (c) => c.suppressed,
  );
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const matrix = tableRelations(rows, columns).map((rel) =>
    unknowns.map((u) => (u === rel.total ? 1n : rel.parts.includes(u) ? -1n : 0n)),
  );
  if (unknowns.length === 0) return [];
  const full = rank(matrix);
  return unknowns.filter((_, k) => rank(matrix.map((row) => row.filter((_, j) => j !== k))) < full);
}

/**
 * Brute force over non-negative whole numbers (up to `limit`) for the suppressed cells of a
 * small table: the suppressed cells and totals that take a single value in every table
 * consistent with what is published.
 */
function uniquelyDetermined(counts: number[][], t: SuppressedTable, limit: number): string[] {
  const rows = counts.length;
  const columns = t.columnTotals.length;
  const unknown: [number, number][] = [];
  counts.forEach((row, r) =>
    row.forEach((_, c) => t.cells[r][c].suppressed && unknown.push([r, c])),
  );
  const grid = counts.map((row, r) => row.map((v, c) => (t.cells[r][c].suppressed ? 0 : v)));
  const seen = new Map<string, Set<number>>();
  const note = (key: string, v: number) => {
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(v);
  };
  const consistent = () => {
    for (let r = 0; r < rows; r++) {
      const sum = grid[r].reduce((s, v) => s + v, 0);
      if (!t.rowTotals[r].suppressed && sum !== t.rowTotals[r].count) return false;
    }
    for (let c = 0; c < columns; c++) {
      const sum = grid.reduce((s, row) => s + row[c], 0);
      if (!t.columnTotals[c].suppressed && sum !== t.columnTotals[c].count) return false;
    }
    const all = grid.flat().reduce((s, v) => s + v, 0);
    return t.total.suppressed || all === t.total.count;
  };
  const visit = (k: number) => {
    if (k === unknown.length) {
      if (!consistent()) return;
      unknown.forEach(([r, c]) => note(`cell ${r},${c}`, grid[r][c]));
      grid.forEach((row, r) =>
        note(
          `row ${r}`,
          row.reduce((s, v) => s + v, 0),
        ),
      );
      for (let c = 0; c < columns; c++)
        note(
          `column ${c}`,
          grid.reduce((s, row) => s + row[c], 0),
        );
      note(
        'total',
        grid.flat().reduce((s, v) => s + v, 0),
      );
      return;
    }
    const [r, c] = unknown[k];
    for (let v = 0; v <= limit; v++) {
      grid[r][c] = v;
      visit(k + 1);
    }
    grid[r][c] = 0;
  };
  visit(0);
  const hiddenKeys = [
    ...unknown.map(([r, c]) => `cell ${r},${c}`),
    ...t.rowTotals.flatMap((cell, r) => (cell.suppressed ? [`row ${r}`] : [])),
    ...t.columnTotals.flatMap((cell, c) => (cell.suppressed ? [`column ${c}`] : [])),
    ...(t.total.suppressed ? ['total'] : []),
  ];
  return hiddenKeys.filter((key) => (seen.get(key)?.size ?? 0) < 2);
}

const table = (maxRows: number, maxColumns: number, maxCount: number) =>
  fc
    .record({
      rows: fc.integer({ min: 1, max: maxRows }),
      columns: fc.integer({ min: 1, max: maxColumns }),
    })
    .chain(({ rows, columns }) =>
      fc.tuple(
        fc.array(
          fc.array(fc.integer({ min: 0, max: maxCount }), {
            minLength: columns,
            maxLength: columns,
          }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
        fc.constant(columns),
      ),
    );

describe('suppression properties', () => {
  it('publishes the input unchanged where it publishes, and no line gives a lone cell away', () => {
    fc.assert(
      fc.property(table(6, 6, 30), ([counts, columns]) => {
        const t = suppressTable(counts, columns);
        counts.forEach((row, r) =>
          row.forEach((v, c) => {
            const cell = t.cells[r][c];
            if (v >= 1 && v <= 4) expect(cell).toEqual(S);
            if (!cell.suppressed) expect(cell.count).toBe(v);
            else expect(cell.count).toBeNull();
          }),
        );
        const rowSums = counts.map((row) => row.reduce((s, v) => s + v, 0));
        const columnSums = Array.from({ length: columns }, (_, c) =>
          counts.reduce((s, row) => s + row[c], 0),
        );
        const grand = rowSums.reduce((s, v) => s + v, 0);
        for (const [cells, sums] of [
          [t.rowTotals, rowSums],
          [t.columnTotals, columnSums],
          [[t.total], [grand]],
        ] as [CountCell[], number[]][]) {
          cells.forEach((cell, i) => {
            if (!cell.suppressed) expect(cell.count).toBe(sums[i]);
            if (sums[i] >= 1 && sums[i] <= 4) expect(cell.suppressed).toBe(true);
          });
        }
        // The grand total is never suppressed for any reason but its own size.
        expect(t.total.suppressed).toBe(grand >= 1 && grand <= 4);
        for (const line of linesOf(t)) {
          const suppressed = line.cells.filter((c) => c.suppressed).length;
          if (!line.total.suppressed)
            expect([line.name, suppressed === 1]).toEqual([line.name, false]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pins no suppressed value through any combination of the published margins (exact rank audit)', () => {
    fc.assert(
      fc.property(table(5, 5, 12), ([counts, columns]) => {
        const t = suppressTable(counts, columns);
        expect(exactlyPinned(counts, t)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves every suppressed value at least two possible values among whole counts (brute force)', () => {
    fc.assert(
      fc.property(table(2, 3, 9), ([counts, columns]) => {
        const t = suppressTable(counts, columns);
        expect(uniquelyDetermined(counts, t, 10)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a list with its total safe', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }), (counts) => {
        const { items, total } = suppressList(counts);
        items.forEach((cell, i) => {
          if (!cell.suppressed) expect(cell.count).toBe(counts[i]);
          if (counts[i] >= 1 && counts[i] <= 4) expect(cell.suppressed).toBe(true);
        });
        const hidden = items.filter((c) => c.suppressed).length;
        if (!total.suppressed) expect(hidden).not.toBe(1);
        if (total.suppressed) expect(hidden).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
