import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ApiKeyScope } from '../../src/auth/role';
import type { ReferralState } from '../../src/common/referral-states';
import { createApiKey, type TestApiKey } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';

/*
 * Every action × every state × every caller, each cell against a fresh referral. The expected
 * status is written down here from docs/domain.md ("Referral workflow", "Who sees what") and the
 * role table, not derived from the code under test.
 */

const STATES = [
  'draft',
  'requested',
  'accepted',
  'in_progress',
  'on_hold',
  'completed',
  'ended',
  'rejected',
  'cancelled',
] as const;
type State = (typeof STATES)[number];

const ACTIONS = [
  'send',
  'accept',
  'reject',
  'start',
  'pause',
  'resume',
  'complete',
  'end',
  'cancel',
] as const;
type Action = (typeof ACTIONS)[number];

/** docs/domain.md's table: the states an action leaves from, and where it leads. */
const WORKFLOW: Record<Action, { from: readonly State[]; to: State }> = {
  send: { from: ['draft'], to: 'requested' },
  accept: { from: ['requested'], to: 'accepted' },
  reject: { from: ['requested'], to: 'rejected' },
  start: { from: ['accepted'], to: 'in_progress' },
  pause: { from: ['in_progress'], to: 'on_hold' },
  resume: { from: ['on_hold'], to: 'in_progress' },
  complete: { from: ['accepted', 'in_progress', 'on_hold'], to: 'completed' },
  end: { from: ['accepted', 'in_progress', 'on_hold'], to: 'ended' },
  cancel: { from: ['requested', 'accepted', 'in_progress', 'on_hold'], to: 'cancelled' },
};

type Kind = 'caseworker' | 'jobcenter_lead' | 'provider_lead' | 'provider_worker' | 'none';

/** Who holds `referral.<action>` (src/auth/role-permissions.ts); API keys hold none. */
const HOLDERS: Record<Action, readonly Kind[]> = {
  send: ['caseworker'],
  cancel: ['caseworker'],
  accept: ['provider_lead'],
  reject: ['provider_lead'],
  start: ['provider_lead', 'provider_worker'],
  pause: ['provider_lead', 'provider_worker'],
  resume: ['provider_lead', 'provider_worker'],
  complete: ['provider_lead', 'provider_worker'],
  end: ['provider_lead', 'provider_worker'],
};

const SENT = (s: State) => s !== 'draft';
/** referralInState assigns workerP1 once accepted: every sent state but requested and rejected. */
const ASSIGNED_TO_WORKER_P1 = (s: State) => SENT(s) && s !== 'requested' && s !== 'rejected';
const NEVER = () => false;

/** What the 409's detail says of each action (written here, not taken from the code). */
const PARTICIPLE: Record<string, string> = {
  send: 'sent',
  accept: 'accepted',
  reject: 'rejected',
  start: 'started',
  pause: 'paused',
  resume: 'resumed',
  complete: 'completed',
  end: 'ended',
  cancel: 'cancelled',
};

/** Each caller: the kind of permissions it holds and the states in which it sees the referral. */
const CALLERS = {
  'caseworker A': { kind: 'caseworker', sees: () => true },
  'caseworker B': { kind: 'caseworker', sees: NEVER },
  'jobcenter lead A': { kind: 'jobcenter_lead', sees: () => true },
  'provider lead P1': { kind: 'provider_lead', sees: SENT },
  'provider lead P2': { kind: 'provider_lead', sees: NEVER },
  'worker P1 (assigned)': { kind: 'provider_worker', sees: ASSIGNED_TO_WORKER_P1 },
  'other worker P1': { kind: 'provider_worker', sees: NEVER },
  'worker P2': { kind: 'provider_worker', sees: NEVER },
  'auditor A': { kind: 'none', sees: NEVER },
  admin: { kind: 'none', sees: NEVER },
  'API key P1': { kind: 'none', sees: SENT },
  anonymous: { kind: 'none', sees: NEVER },
} satisfies Record<string, { kind: Kind; sees: (s: State) => boolean }>;
type Caller = keyof typeof CALLERS;

function expected(action: Action, state: State, caller: Caller): { status: number; to?: State } {
  const { kind, sees } = CALLERS[caller];
  if (caller === 'anonymous') return { status: 401 };
  if (!HOLDERS[action].includes(kind)) return { status: 403 };
  if (!sees(state)) return { status: 404 };
  if (!WORKFLOW[action].from.includes(state)) return { status: 409 };
  return { status: 200, to: WORKFLOW[action].to };
}

const PROBLEM_KIND: Record<number, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'transition-not-allowed',
};

const cells = ACTIONS.flatMap((action) =>
  STATES.flatMap((state) =>
    (Object.keys(CALLERS) as Caller[]).map((caller) => {
      const outcome = expected(action, state, caller);
      return {
        name: `${action} from ${state} as ${caller} → ${outcome.status}`,
        action,
        state,
        caller,
        ...outcome,
      };
    }),
  ),
);

interface Snapshot {
  state: State;
  version: number;
  updatedAt: string;
  transitions: { action: string | null; from: string | null; to: string }[];
  events: { clientId: string | null; resourceId: string | null; outcome: string }[];
  denials: number;
}

describe('referral state machine: action × state × caller', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: ReferralWorld;
  let apiKeyP1: TestApiKey;
  let http: TestHttp;
  let actors: Record<Caller, HttpActor>;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    ds = app.get(DataSource);
    world = await buildReferralWorld(app);
    apiKeyP1 = await createApiKey(app, {
      organisationId: world.providerP1,
      scopes: Object.values(ApiKeyScope),
      admin: world.admin,
    });
    actors = {
      'caseworker A': world.caseworkerA,
      'caseworker B': world.caseworkerB,
      'jobcenter lead A': world.leadA,
      'provider lead P1': world.leadP1,
      'provider lead P2': world.leadP2,
      'worker P1 (assigned)': world.workerP1,
      'other worker P1': world.otherWorkerP1,
      'worker P2': world.workerP2,
      'auditor A': world.auditorA,
      admin: world.admin,
      'API key P1': apiKeyP1,
      anonymous: 'anonymous',
    };
  });
  afterAll(async () => {
    await app.close();
  });

  function bodyOf(action: Action): object | undefined {
    const bodies: Partial<Record<Action, object>> = {
      accept: { assignedWorkerId: world.workerP1.userId },
      reject: { reason: 'no_capacity' },
      pause: {},
      complete: { outcome: 'goals_reached' },
      end: { reason: 'client_declined' },
      cancel: { reason: 'no_longer_needed' },
    };
    return bodies[action];
  }

  /** The row, its history and the audit events of one request, in one round trip. */
  async function snapshot(id: string, action: Action, requestId: string): Promise<Snapshot> {
    const [row] = await ds.query<Snapshot[]>(
      `SELECT r.state::text AS state, r.version,
              to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "updatedAt",
              (SELECT coalesce(json_agg(json_build_object(
                        'action', t.action, 'from', t.from_state, 'to', t.to_state)), '[]')
                 FROM referral_transitions t WHERE t.referral_id = r.id) AS transitions,
              (SELECT coalesce(json_agg(json_build_object(
                        'clientId', a.client_id, 'resourceId', a.resource_id,
                        'outcome', a.outcome)), '[]')
                 FROM audit_events a WHERE a.action = $2 AND a.request_id = $3) AS events,
              (SELECT count(*)::int FROM audit_events a
                WHERE a.action = 'access.denied' AND a.request_id = $3) AS denials
         FROM referrals r WHERE r.id = $1`,
      [id, `referral.${action}`, requestId],
    );
    return row;
  }

  describe.each(ACTIONS)('%s', (action) => {
    for (const cell of cells.filter((c) => c.action === action)) {
      it(cell.name, async () => {
        const referral = await referralInState(app, world, cell.state as ReferralState);
        const before = await snapshot(referral.id, action, 'none');
        const res = await http.act(
          actors[cell.caller],
          referral.id,
          action,
          bodyOf(action),
          referral.version,
        );
        if (res.status !== cell.status) {
          throw new Error(`${cell.name}: got ${res.status} ${JSON.stringify(res.body)}`);
        }
        const requestId = res.headers['x-request-id'];
        expect(requestId).toEqual(expect.any(String));
        const after = await snapshot(referral.id, action, requestId);

        if (cell.to) {
          expect(res.body).toMatchObject({ id: referral.id, state: cell.to });
          expect(res.headers.etag).toBe(`"${referral.version + 1}"`);
          expect(after).toMatchObject({ state: cell.to, version: referral.version + 1 });
          expect(after.transitions).toEqual([{ action, from: cell.state, to: cell.to }]);
          // A provider deciding on a request is not told who the client is, so neither is its
          // audit trail (issue 13, point 4).
          const decision = cell.state === 'requested' && cell.caller.startsWith('provider');
          expect(after.events).toEqual([
            {
              clientId: decision ? null : world.client.id,
              resourceId: referral.id,
              outcome: 'success',
            },
          ]);
          return;
        }
        expectProblem(res, cell.status, PROBLEM_KIND[cell.status]);
        if (cell.status === 409) {
          expect(res.body.detail).toBe(
            `A referral in state ${cell.state} cannot be ${PARTICIPLE[action]}.`,
          );
        }
        expect(after).toEqual({
          ...before,
          events: [],
          // 403 (guard) and 404 (an object not visible) are both recorded as access denials.
          denials: cell.status === 403 || cell.status === 404 ? 1 : 0,
        });
        expect(after.transitions).toEqual([]);
      });
    }
  });

  describe('optimistic concurrency', () => {
    it('10 parallel accepts with the same If-Match: exactly one 200, nine 412, one history row', async () => {
      const referral = await referralInState(app, world, 'requested' as ReferralState);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          http.act(
            actors['provider lead P1'],
            referral.id,
            'accept',
            bodyOf('accept'),
            referral.version,
          ),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array<number>(9).fill(412)]);
      for (const res of responses.filter((r) => r.status === 412)) {
        expectProblem(res, 412, 'precondition-failed');
      }
      const winner = responses.find((r) => r.status === 200)!;
      const after = await snapshot(referral.id, 'accept', winner.headers['x-request-id']);
      expect(after).toMatchObject({ state: 'accepted', version: referral.version + 1 });
      expect(after.transitions).toEqual([{ action: 'accept', from: 'requested', to: 'accepted' }]);
      expect(after.events).toHaveLength(1);
      const [{ n }] = await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_events
          WHERE action = 'referral.accept' AND resource_id = $1`,
        [referral.id],
      );
      expect(n).toBe(1);
    });

    /** For each action: a state it leaves from and a caller who may take it. */
    const ALLOWED: Record<Action, { state: State; caller: Caller }> = {
      send: { state: 'draft', caller: 'caseworker A' },
      accept: { state: 'requested', caller: 'provider lead P1' },
      reject: { state: 'requested', caller: 'provider lead P1' },
      start: { state: 'accepted', caller: 'worker P1 (assigned)' },
      pause: { state: 'in_progress', caller: 'worker P1 (assigned)' },
      resume: { state: 'on_hold', caller: 'worker P1 (assigned)' },
      complete: { state: 'on_hold', caller: 'provider lead P1' },
      end: { state: 'in_progress', caller: 'worker P1 (assigned)' },
      cancel: { state: 'accepted', caller: 'caseworker A' },
    };

    it.each(ACTIONS)('%s without If-Match → 428, nothing changed', async (action) => {
      const { state, caller } = ALLOWED[action];
      const referral = await referralInState(app, world, state as ReferralState);
      const before = await snapshot(referral.id, action, 'none');
      const res = await http.act(actors[caller], referral.id, action, bodyOf(action));
      expectProblem(res, 428, 'precondition-required');
      expect(await snapshot(referral.id, action, res.headers['x-request-id'])).toEqual(before);
    });

    it.each(ACTIONS)('%s with a stale If-Match → 412, nothing changed', async (action) => {
      const { state, caller } = ALLOWED[action];
      const referral = await referralInState(app, world, state as ReferralState);
      // The referral changed since the caller read it (another caller's edit bumped the versions).
      await ds.query(
        'UPDATE referrals SET version = version + 1, jobcenter_version = jobcenter_version + 1 WHERE id = $1',
        [referral.id],
      );
      const before = await snapshot(referral.id, action, 'none');
      const res = await http.act(
        actors[caller],
        referral.id,
        action,
        bodyOf(action),
        referral.version,
      );
      expectProblem(res, 412, 'precondition-failed');
      expect(await snapshot(referral.id, action, res.headers['x-request-id'])).toEqual(before);
    });
  });
});
