import { cpuBudget } from '../../bench/cpu-budget';

// The arithmetic behind BENCHMARKS.md's CPU budget table (a pure rule, so a unit test): a
// scenario's ratio to the baseline predicted from the CPU time its requests cost the machine.

const baseline = { server: 0.12, postgres: 0.12, generator: 0.06 }; // 0.3 ms in all

describe('the CPU budget of a benchmark scenario', () => {
  it("predicts the ratio as the baseline's CPU per request over the scenario's", () => {
    const b = cpuBudget(
      { server: 0.6, postgres: 0.3, generator: 0.1, reqPerSec: 1800 },
      baseline,
      2,
    );
    expect(b).toEqual({
      totalMs: 1,
      busy: 0.9, // 1 ms × 1,800/s of 2,000 ms/s
      predictedRatio: 0.3,
      ceilingWithoutServer: 0.75, // 0.3 ÷ (0.3 + 0.1)
      ceilingAtFloor: null,
    });
  });

  it("puts the ceiling at the floor's serving CPU when the floor was measured", () => {
    const b = cpuBudget(
      { server: 0.6, postgres: 0.3, generator: 0.1, reqPerSec: 1800 },
      baseline,
      2,
      0.2,
    );
    expect(b?.ceilingAtFloor).toBe(0.5); // 0.3 ÷ (0.2 + 0.3 + 0.1)
  });

  it('shows a target out of reach of any server when PostgreSQL alone costs too much', () => {
    // A read whose statements cost PostgreSQL 0.6 ms: even a server that cost nothing stays
    // below half the baseline's rate.
    const b = cpuBudget(
      { server: 0.4, postgres: 0.6, generator: 0.06, reqPerSec: 1500 },
      baseline,
      2,
    );
    expect(b?.ceilingWithoutServer).toBeLessThan(0.5);
    expect(b?.predictedRatio).toBeLessThan(b!.ceilingWithoutServer);
  });

  it('gives no budget for a run without figures', () => {
    expect(cpuBudget({ server: 0, postgres: 0, generator: 0, reqPerSec: 0 }, baseline, 2)).toBe(
      null,
    );
    expect(
      cpuBudget(
        { server: 0.5, postgres: 0.2, generator: 0.1, reqPerSec: 100 },
        { ...baseline, server: 0, postgres: 0, generator: 0 },
        2,
      ),
    ).toBe(null);
  });
});
