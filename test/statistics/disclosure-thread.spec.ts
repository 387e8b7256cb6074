import fc from 'fast-check';
import { once } from 'node:events';
import { Worker as WorkerThread, type Worker } from 'node:worker_threads';
import {
  auditedStep,
  disclosureAudit,
  STATISTICS_AUDIT_BUDGET,
  type AuditBudget,
} from '../../src/statistics/disclosure-audit';
import { DisclosureThread } from '../../src/statistics/disclosure-thread';
import type { DisclosureProblem, Relation } from '../../src/statistics/suppression';

/**
 * The disclosure-control step on its worker thread (ADR 0012, "The audit's thread"): the same
 * answer as on the main thread, the event loop free while it runs, and closed whenever the
 * thread fails.
 */

/** A table of `cells` (rows × columns, row-major) with its row, column and grand totals. */
function table(rows: number, columns: number, cells: number[]): DisclosureProblem {
  const values = [...cells];
  const relations: Relation[] = [];
  const add = (parts: number[]) => {
    values.push(parts.reduce((s, i) => s + values[i], 0));
    relations.push({ total: values.length - 1, parts });
    return values.length - 1;
  };
  const rowTotals = Array.from({ length: rows }, (_, r) =>
    add(Array.from({ length: columns }, (_, c) => r * columns + c)),
  );
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    add(Array.from({ length: rows }, (_, r) => r * columns + c)),
  );
  const total = add(rowTotals);
  relations.push({ total, parts: columnTotals });
  return { values, relations };
}

/**
 * Many small values, each in a relation of its own with a large one (a + b = t, t published):
 * every group needs a program of its own, and 8,000 of them take several seconds to audit (5,000
 * took 3.2 s in plain Node here): more than the 1.5 s budget below on a faster machine too.
 */
function heavyProblem(): DisclosureProblem {
  const values: number[] = [];
  const relations: Relation[] = [];
  for (let k = 0; k < 8_000; k++) {
    const a = values.push(1 + (k % 2)) - 1;
    const b = values.push(29) - 1;
    const t = values.push(values[a] + 29) - 1;
    relations.push({ total: t, parts: [a, b] });
  }
  return { values, relations };
}

const budget = (overrides: Partial<AuditBudget>): AuditBudget => ({
  ...STATISTICS_AUDIT_BUDGET,
  ...overrides,
});

/** The longest gap between the ticks of a 10 ms interval while `work` runs. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

describe('the disclosure audit on its own thread', () => {
  const threads: DisclosureThread[] = [];
  const thread = (options?: ConstructorParameters<typeof DisclosureThread>[0]) => {
    const created = new DisclosureThread(options);
    threads.push(created);
    return created;
  };
  afterEach(() => Promise.all(threads.splice(0).map((t) => t.close())));

  it('answers every step as the main thread does', async () => {
    // Bounded by programs only (deterministic): under Jest the main thread's solver is far
    // slower than the thread's plain Node (ADR 0012), and a clock would tell them apart.
    const programsOnly = budget({ milliseconds: 600_000 });
    const onThread = thread({ budget: programsOnly });
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
          .chain(([rows, columns]) =>
            fc.record({
              rows: fc.constant(rows),
              columns: fc.constant(columns),
              cells: fc.array(fc.integer({ min: 0, max: 12 }), {
                minLength: rows * columns,
                maxLength: rows * columns,
              }),
            }),
          ),
        async ({ rows, columns, cells }) => {
          const problem = table(rows, columns, cells);
          const here = auditedStep(problem, disclosureAudit(programsOnly));
          expect(await onThread.run(problem)).toEqual(here);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps the event loop free while a step runs; on the main thread the same step stops it', async () => {
    const spend = budget({ milliseconds: 1_500 });
    const problem = heavyProblem();
    const onThread = thread({ budget: spend });
    await onThread.run(table(1, 1, [5])); // the thread is up: its start is not what is measured
    const started = performance.now();
    const { result, stallMs } = await longestStall(() => onThread.run(problem));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(result.failedClosed).toBe(true);
    // Ticks late only by what the machine's load costs, never by the step's 1.5 s.
    expect(stallMs).toBeLessThan(500);

    const blocked = await longestStall(() =>
      Promise.resolve(auditedStep(problem, disclosureAudit(spend))),
    );
    expect(blocked.stallMs).toBeGreaterThanOrEqual(1_400);
    expect(result).toEqual(blocked.result);
  });

  it('fails closed when a step outlasts its time: every cell hidden, then a fresh thread', async () => {
    const onThread = thread({
      budget: budget({ milliseconds: 60_000 }),
      stopAfterMilliseconds: 1_500,
    });
    const problem = heavyProblem();
    const started = performance.now();
    const outcome = await onThread.run(problem);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(outcome).toEqual({ hidden: problem.values.map(() => true), failedClosed: true });
    expect(onThread.alive).toBe(false);
    const small = table(1, 2, [30, 40]);
    expect(await onThread.run(small)).toEqual(auditedStep(small, disclosureAudit()));
  });

  it('fails closed when its thread dies during a step', async () => {
    const onThread = thread({ budget: budget({ milliseconds: 60_000 }) });
    const problem = heavyProblem();
    const running = onThread.run(problem);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await (onThread as unknown as { worker: Worker }).worker.terminate();
    expect(await running).toEqual({ hidden: problem.values.map(() => true), failedClosed: true });
    const small = table(2, 1, [25, 35]);
    expect(await onThread.run(small)).toEqual(auditedStep(small, disclosureAudit()));
  });

  it('passes an error of the step on as an error, not as an answer', async () => {
    const broken: DisclosureProblem = {
      values: [1, 2, 4],
      relations: [{ total: 2, parts: [0, 1] }],
    };
    await expect(thread().run(broken)).rejects.toThrow(/a relation does not hold/);
  });

  it('runs the steps asked for at once one after the other, each with its own answer', async () => {
    const onThread = thread();
    const problems = [table(1, 2, [1, 9]), table(2, 2, [10, 20, 30, 40]), table(1, 3, [0, 3, 12])];
    const outcomes = await Promise.all(problems.map((p) => onThread.run(p)));
    expect(outcomes).toEqual(problems.map((p) => auditedStep(p, disclosureAudit())));
  });

  it('ends its thread after a while without steps, and starts one again when asked', async () => {
    const onThread = thread({ idleMilliseconds: 100 });
    await onThread.run(table(1, 1, [7]));
    expect(onThread.alive).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onThread.alive).toBe(false);
    expect(await onThread.run(table(1, 2, [20, 30]))).toEqual(
      auditedStep(table(1, 2, [20, 30]), disclosureAudit()),
    );
  });

  it('gives its thread a young generation of about 2 MB, whatever the process has', async () => {
    // The young generation a thread's heap grows to under a stream of short-lived objects.
    const youngGeneration = async (): Promise<number> => {
      const probe = new WorkerThread(
        `const v8 = require('node:v8');
         let kept = [];
         for (let i = 0; i < 1e6; i++) { kept.push({ i, s: 'x' + i }); if (kept.length > 1000) kept = []; }
         const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
         require('node:worker_threads').parentPort.postMessage(space.space_size);`,
        { eval: true },
      );
      const [bytes] = (await once(probe, 'message')) as [number];
      await probe.terminate();
      return bytes / 2 ** 20;
    };
    await thread().run(table(1, 2, [3, 4]));
    // The thread has started, so the setting holds for every thread the process starts now:
    // 1 MB semi-spaces, where the image's 8 MB give a thread 16 MB and V8's default 32 MB.
    expect(await youngGeneration()).toBeLessThanOrEqual(3);
  });
});
