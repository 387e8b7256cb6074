import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { Role } from '../../src/auth/role';
import { createUser, type TestUser } from '../factories/identity';
import { createTestApp } from '../support/test-app';
import {
  acceptArbitrary,
  commandArbitraries,
  onwardPathArbitrary,
  referArbitrary,
} from './arbitraries';
import { tally } from './command-base';
import { emptyModel } from './oracle';
import { buildRealWorld, type Real } from './world';

/*
 * A model-based test of the referral lifecycle (docs/security.md item 7, section 3.2 point 5):
 * random sequences of Refer, Accept, Reject/Start/Pause/Resume/Complete/End/Cancel, Assign,
 * GrantConsent, Revoke, LogContact, SubmitReport (with Idempotency-Key and replays), JobcenterRead,
 * ProviderRead and DisableUser run against the real app over HTTP. After every command the
 * API's answer is compared with an oracle written from docs/domain.md (`oracle.ts`): who may see
 * which referral, client record, report and section, and which status each write gets.
 *
 * Each run builds fresh organisations (two jobcenters, two providers), so runs never see each
 * other's data and nothing is wiped. A failure prints fast-check's seed, path and the shrunk
 * command sequence; replay it with MODEL_SEED=<seed> MODEL_PATH=<path>. MODEL_RUNS raises the
 * number of runs (nightly), MODEL_STEPS the commands per run.
 */

const RUNS = Number(process.env.MODEL_RUNS ?? 8);
const STEPS = Number(process.env.MODEL_STEPS ?? 50);

describe('referral lifecycle (model-based)', () => {
  let app: NestFastifyApplication;
  /** The operator's administrator, shared by the runs (never a target of DisableUser). */
  let admin: TestUser;
  const stats = { runs: 0, commands: 0, build: 0 };

  beforeAll(async () => {
    app = await createTestApp();
    admin = await createUser(app, { roles: [Role.Admin] });
  });
  afterAll(async () => {
    await app?.close();
    // What the runs exercised: how often each command met each status (all 404s would prove
    // little), e.g. "accept 200: 12".
    const counts = [...tally.entries()].sort().map(([k, n]) => `${k}: ${n}`);
    console.warn(
      `model: ${stats.runs} runs, ${stats.commands} commands executed, ${stats.build} ms building worlds\n` +
        `statuses: ${counts.join(', ')}`,
    );
  });

  it('the API answers every command as the model predicts', async () => {
    const seed = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
    await fc.assert(
      fc.asyncProperty(
        // A few referrals, sent and accepted, so that most commands find something to work on.
        fc.array(referArbitrary, { minLength: 2, maxLength: 4 }),
        fc.array(acceptArbitrary, { minLength: 1, maxLength: 3 }),
        // And one or two cases taken down the onward path to the partner (ADR 0022).
        fc.array(onwardPathArbitrary, { minLength: 1, maxLength: 2 }),
        fc.commands(commandArbitraries, { maxCommands: STEPS, size: 'max' }),
        async (refer, accept, onward, cmds) => {
          let real: Real | undefined;
          stats.runs++;
          const setup = async () => {
            const t0 = Date.now();
            real = await buildRealWorld(app, admin);
            stats.build += Date.now() - t0;
            return { model: emptyModel(), real };
          };
          try {
            await fc.asyncModelRun(setup, [...refer, ...accept, ...onward.flat(), ...cmds]);
          } finally {
            stats.commands += real?.log.length ?? 0;
          }
        },
      ),
      {
        numRuns: RUNS,
        ...(seed === undefined ? {} : { seed }),
        ...(process.env.MODEL_PATH ? { path: process.env.MODEL_PATH } : {}),
      },
    );
  }, 600_000);
});
