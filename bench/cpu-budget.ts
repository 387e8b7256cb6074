/**
 * The CPU budget behind a benchmark ratio (BENCHMARKS.md, "The CPU budget"). On this machine
 * the serving process, PostgreSQL and the load generator share a few cores, and every scenario
 * keeps them busy. A request then costs the machine the CPU time of all three, and the requests
 * per second are about the cores' time divided by that cost. The ratio of a scenario to the
 * baseline follows from CPU alone:
 *
 *     × baseline ≈ (baseline's total CPU per request) ÷ (scenario's total CPU per request)
 *
 * The same arithmetic gives two ceilings, which no change of the serving process alone can
 * pass:
 * - with a server that cost no CPU at all: the scenario's PostgreSQL and load-generator time;
 * - with a server that cost what the framework's floor with two round trips costs (`floor-two`,
 *   a NestJS read with nothing of Lotse's).
 *
 * The model holds only while the machine is busy: `busy` (the share of the cores the run used)
 * says whether it was. Each run prints the predicted ratio beside the measured one, so a run
 * where the model is off shows it.
 */

/** CPU milliseconds per request of one scenario. */
export interface CpuPerRequest {
  /** The serving process (Lotse, the baseline's or the floor's process). */
  server: number;
  /** All PostgreSQL server processes together. */
  postgres: number;
  /** The benchmark's own process, which runs autocannon (the load generator). */
  generator: number;
}

export interface CpuBudget {
  /** Server + PostgreSQL + load generator, ms per request. */
  totalMs: number;
  /** The share of the machine's cores the run kept busy: total × req/s ÷ (cores × 1000 ms). */
  busy: number;
  /** The baseline's total ÷ this total: the ratio the CPU alone predicts. */
  predictedRatio: number;
  /** The predicted ratio with a serving process that cost nothing. */
  ceilingWithoutServer: number;
  /** The predicted ratio with a serving process that cost what `floor-two`'s did, if measured. */
  ceilingAtFloor: number | null;
}

const total = (c: CpuPerRequest) => c.server + c.postgres + c.generator;
const round = (n: number, digits: number) => Number(n.toFixed(digits));

/**
 * The budget of one scenario, given the baseline's CPU in the same run and, when it was
 * measured, the floor's serving CPU. Null when a figure is missing or zero (nothing measured).
 */
export function cpuBudget(
  scenario: CpuPerRequest & { reqPerSec: number },
  baseline: CpuPerRequest,
  cores: number,
  floorServerMs?: number,
): CpuBudget | null {
  const own = total(scenario);
  const reference = total(baseline);
  const withoutServer = scenario.postgres + scenario.generator;
  if (!(own > 0) || !(reference > 0) || !(withoutServer > 0) || !(cores > 0)) return null;
  return {
    totalMs: round(own, 3),
    busy: round((own * scenario.reqPerSec) / (cores * 1000), 2),
    predictedRatio: round(reference / own, 3),
    ceilingWithoutServer: round(reference / withoutServer, 3),
    ceilingAtFloor:
      floorServerMs !== undefined && floorServerMs > 0
        ? round(reference / (floorServerMs + withoutServer), 3)
        : null,
  };
}
