import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ContentCategory } from '../../src/confidentiality/content-category';
import { DataCategory } from '../../src/confidentiality/data-category';
import { CaseAccess } from '../../src/confidentiality/case-access.service';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { createTestApp } from '../support/test-app';

/*
 * The disclosure policy (case access's answer to "which categories of which referral") against
 * an oracle written from docs/domain.md ("Consent", "Who sees what"; purpose binding: a grant
 * releases the content of the referral its record names, and nothing of any other), not from
 * the policy's SQL (docs/security.md items 5 and 6, section 3.2 point 4). A failing run
 * prints fast-check's seed and path; replay it with FC_SEED=<seed> FC_PATH=<path>, and run more
 * cases with FC_NUM_RUNS=<n>.
 */

const CATEGORIES = Object.values(DataCategory);
const MINUTE = 60_000;
/** All instants of a history are minutes around this one. */
const BASE = Date.parse('2031-05-05T08:00:00.000Z');

// ---------------------------------------------------------------------------------------------
// The oracle

interface GrantModel {
  id: string;
  category: DataCategory;
  recipient: string;
  /** Epoch ms; null: never revoked. */
  revokedAt: number | null;
}

interface RecordModel {
  id: string;
  releasingOrg: string;
  /** The referral it serves (its purpose), as an index into the client's referrals. */
  referral: number;
  recordedAt: number;
  validFrom: number;
  /** Exclusive; null: open-ended. */
  validUntil: number | null;
  supersedes: string | null;
  grants: GrantModel[];
}

/** The grants in force at `t`, with their records. */
function grantsInForce(
  history: RecordModel[],
  t: number,
): { record: RecordModel; grant: GrantModel }[] {
  const exists = (r: RecordModel) => r.recordedAt <= t;
  const valid = (r: RecordModel) => r.validFrom <= t && (r.validUntil === null || t < r.validUntil);
  const superseded = (r: RecordModel) => history.some((s) => s.supersedes === r.id && exists(s));
  const revoked = (g: GrantModel) => g.revokedAt !== null && g.revokedAt <= t;
  return history
    .filter((r) => exists(r) && valid(r) && !superseded(r))
    .flatMap((record) =>
      record.grants.filter((g) => !revoked(g)).map((grant) => ({ record, grant })),
    );
}

/**
 * What the reader's organisation may read of the author's content of one referral of the client
 * at `t`: the author everything; anybody else what the grants in force of the records serving
 * that very referral release to it.
 */
function expectedReadable(
  history: RecordModel[],
  q: { reader: string; author: string; referral: number; t: number },
): ContentCategory[] {
  if (q.reader === q.author) return [...CATEGORIES, 'internal' as const].sort();
  const released = grantsInForce(history, q.t)
    .filter(
      ({ record, grant }) =>
        record.releasingOrg === q.author &&
        record.referral === q.referral &&
        grant.recipient === q.reader,
    )
    .map(({ grant }) => grant.category);
  return [...new Set(released)].sort();
}

// ---------------------------------------------------------------------------------------------
// Writing a history for a fresh client

const ORG_KEYS = ['jobcenterA', 'jobcenterB', 'providerP1', 'providerP2'] as const;

interface Fixture {
  app: NestFastifyApplication;
  ds: DataSource;
  world: ReferralWorld;
  /** An approved template of each organisation of the world. */
  templates: Map<string, string>;
}

async function insertTemplates(ds: DataSource, world: ReferralWorld): Promise<Map<string, string>> {
  const templates = new Map<string, string>();
  for (const key of ORG_KEYS) {
    const [{ id }] = await ds.query<{ id: string }[]>(
      `INSERT INTO consent_templates
         (organisation_id, key, version, title, body, categories, created_by, approved_by, approved_at)
       VALUES ($1, 'schweigepflichtentbindung-test', 1, 'Schweigepflichtentbindung',
               'Ich entbinde …', $2::data_category[], $3, $4, now())
       RETURNING id`,
      [world[key], CATEGORIES, world.leadP1.userId, world.auditorA.userId],
    );
    templates.set(world[key], id);
  }
  return templates;
}

/** How many referrals each fresh client has; records serve one of them each. */
const REFERRALS = 3;

/**
 * A fresh client of jobcenter A with referrals in progress at P1. Each chain of records (a
 * first record and those superseding it) serves one referral: the database allows one chain
 * per client, releasing organisation and referral.
 */
async function freshClient(fx: Fixture): Promise<{ clientId: string; referralIds: string[] }> {
  const client = await createClient(fx.app, { jobcenterId: fx.world.jobcenterA });
  const referralIds: string[] = [];
  for (let i = 0; i < REFERRALS; i++) {
    const referral = await referralInState(fx.app, fx.world, ReferralState.InProgress, {
      clientId: client.id,
    });
    referralIds.push(referral.id);
  }
  return { clientId: client.id, referralIds };
}

/** Writes the history as it stands (grants with their revocations) in two statements. */
async function insertHistory(
  fx: Fixture,
  target: { clientId: string; referralIds: string[] },
  history: RecordModel[],
): Promise<void> {
  if (history.length === 0) return;
  const referralOf = new Map(history.map((r) => [r.id, target.referralIds[r.referral]]));
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const recordParams: unknown[] = [];
  const recordRows = history.map((r) => {
    const n = recordParams.push(
      r.id,
      target.clientId,
      r.releasingOrg,
      referralOf.get(r.id),
      fx.templates.get(r.releasingOrg),
      iso(r.validFrom),
      iso(r.validUntil),
      iso(r.validFrom)!.slice(0, 10),
      fx.world.workerP1.userId,
      iso(r.recordedAt),
      r.supersedes,
    );
    const p = Array.from({ length: 11 }, (_, i) => `$${n - 10 + i}`);
    return `(${p.slice(0, 7).join(', ')}, 'written', ${p.slice(7).join(', ')})`;
  });
  // One statement: the foreign key of supersedes_id is checked at its end.
  await fx.ds.query(
    `INSERT INTO consent_records
       (id, client_id, releasing_organisation_id, referral_id, template_id, valid_from,
        valid_until, evidence_form, given_on, recorded_by, recorded_at, supersedes_id)
     VALUES ${recordRows.join(', ')}`,
    recordParams,
  );
  const grants = history.flatMap((r) => r.grants.map((g) => ({ consentId: r.id, ...g })));
  if (grants.length === 0) return;
  const grantParams: unknown[] = [];
  const grantRows = grants.map((g) => {
    const n = grantParams.push(
      g.id,
      g.consentId,
      g.category,
      g.recipient,
      iso(g.revokedAt),
      g.revokedAt === null ? null : fx.world.workerP1.userId,
    );
    return `(${Array.from({ length: 6 }, (_, i) => `$${n - 5 + i}`).join(', ')})`;
  });
  await fx.ds.query(
    `INSERT INTO consent_grants
       (id, consent_id, category, recipient_organisation_id, revoked_at, revoked_by)
     VALUES ${grantRows.join(', ')}`,
    grantParams,
  );
}

// ---------------------------------------------------------------------------------------------
// The arbitrary of consent histories

interface RecordSpec {
  org: number;
  /** The referral a first record serves (one superseding another serves the same). */
  referral: number;
  /** Minutes after the previous record's recording. */
  gap: number;
  /** validFrom, in minutes from recording (negative: backdated). */
  from: number;
  /** validUntil, in minutes from validFrom; ≤ 0 is an empty period; null: open-ended. */
  span: number | null;
  /** Which earlier record of the same releasing organisation this one supersedes, if any. */
  supersede: number | null;
  /** Categories per recipient (index into the recipients). */
  categories: DataCategory[][];
  /** Revocation of single grants, in minutes after recording, per (recipient × category). */
  revokeGrant: (number | null)[];
  /** Revocation of the whole record, in minutes after recording. */
  revokeAll: number | null;
}

const sometimes = <T>(arb: fc.Arbitrary<T>, weight = 1, nullWeight = 3) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: nullWeight }, { arbitrary: arb, weight });

const categoriesArb = fc.oneof(
  { arbitrary: fc.subarray(CATEGORIES, { maxLength: 3 }), weight: 3 },
  { arbitrary: fc.subarray(CATEGORIES), weight: 1 },
);

const recordSpecArb: fc.Arbitrary<RecordSpec> = fc.record({
  org: fc.nat(2),
  referral: fc.nat(REFERRALS - 1),
  gap: fc.integer({ min: 0, max: 30 }),
  from: fc.integer({ min: -30, max: 45 }),
  span: fc.option(fc.integer({ min: -2, max: 90 }), { nil: null, freq: 4 }),
  supersede: fc.option(fc.nat(5), { nil: null, freq: 2 }),
  categories: fc.array(categoriesArb, { minLength: 3, maxLength: 3 }),
  revokeGrant: fc.array(sometimes(fc.integer({ min: 0, max: 90 })), {
    minLength: 3 * CATEGORIES.length,
    maxLength: 3 * CATEGORIES.length,
  }),
  revokeAll: sometimes(fc.integer({ min: 0, max: 90 }), 1, 4),
});

const querySpecArb = fc.oneof(
  // At an instant of the history, a millisecond before or after.
  fc.record({ event: fc.nat(), delta: fc.constantFrom(-1, 0, 1) }),
  // Anywhere before, between and after the events.
  fc.record({ minute: fc.integer({ min: -60, max: 360 }) }),
);

const pairSpecArb = fc.record({
  reader: fc.nat(3),
  author: fc.nat(3),
  /** Mostly a recipient reading a releasing organisation; else any two of the world. */
  among: fc.oneof(
    { arbitrary: fc.constant(true), weight: 3 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
});

const caseArb = fc.record({
  releasing: fc.shuffledSubarray([...ORG_KEYS], { minLength: 2, maxLength: 3 }),
  recipients: fc.shuffledSubarray([...ORG_KEYS], { minLength: 2, maxLength: 3 }),
  records: fc.array(recordSpecArb, { minLength: 1, maxLength: 6 }),
  queries: fc.array(querySpecArb, { minLength: 3, maxLength: 8 }),
  pairs: fc.array(pairSpecArb, { minLength: 1, maxLength: 4 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** The history a case describes, in the world's organisations. */
function historyOf(world: ReferralWorld, c: Case): RecordModel[] {
  const history: RecordModel[] = [];
  let recordedAt = BASE;
  for (const spec of c.records) {
    recordedAt += spec.gap * MINUTE;
    const releasingOrg = world[c.releasing[spec.org % c.releasing.length]];
    const validFrom = recordedAt + spec.from * MINUTE;
    const heads = history.filter(
      (r) => r.releasingOrg === releasingOrg && !history.some((s) => s.supersedes === r.id),
    );
    // One chain per organisation and referral: a first record for a referral that has a chain
    // already is that chain's next record.
    const chained = heads.find((r) => r.referral === spec.referral);
    const supersedes =
      spec.supersede !== null && heads.length > 0
        ? heads[spec.supersede % heads.length]
        : (chained ?? null);
    const revokeAll = spec.revokeAll === null ? null : recordedAt + spec.revokeAll * MINUTE;
    const grants = c.recipients.flatMap((key, i) =>
      spec.categories[i].map((category): GrantModel => {
        const own = spec.revokeGrant[i * CATEGORIES.length + CATEGORIES.indexOf(category)];
        const single = own === null ? null : recordedAt + own * MINUTE;
        // Revoked once: by whichever came first, the single revocation or the whole one.
        const times = [single, revokeAll].filter((x): x is number => x !== null);
        return {
          id: randomUUID(),
          category,
          recipient: world[key],
          revokedAt: times.length > 0 ? Math.min(...times) : null,
        };
      }),
    );
    history.push({
      id: randomUUID(),
      releasingOrg,
      referral: supersedes ? supersedes.referral : spec.referral,
      recordedAt,
      validFrom,
      validUntil: spec.span === null ? null : validFrom + spec.span * MINUTE,
      supersedes: supersedes?.id ?? null,
      grants,
    });
  }
  return history;
}

function instantsOf(history: RecordModel[], c: Case): number[] {
  const events = history.flatMap((r) => [
    r.recordedAt,
    r.validFrom,
    ...(r.validUntil === null ? [] : [r.validUntil]),
    ...r.grants.flatMap((g) => (g.revokedAt === null ? [] : [g.revokedAt])),
  ]);
  return c.queries.map((q) =>
    'event' in q ? events[q.event % events.length] + q.delta : BASE + q.minute * MINUTE,
  );
}

function pairsOf(
  world: ReferralWorld,
  c: Case,
): { reader: string; author: string; referral: number }[] {
  return c.pairs.flatMap((p) =>
    Array.from({ length: REFERRALS }, (_, referral) => ({
      reader: world[p.among ? c.recipients[p.reader % c.recipients.length] : ORG_KEYS[p.reader]],
      author: world[p.among ? c.releasing[p.author % c.releasing.length] : ORG_KEYS[p.author]],
      referral,
    })),
  );
}

// ---------------------------------------------------------------------------------------------

describe('disclosure policy (property: effective consent)', () => {
  let fx: Fixture;
  let policy: CaseAccess;
  let orgName: (id: string) => string;

  beforeAll(async () => {
    const app = await createTestApp();
    const ds = app.get(DataSource);
    const world = await buildReferralWorld(app);
    fx = { app, ds, world, templates: await insertTemplates(ds, world) };
    policy = app.get(CaseAccess);
    orgName = (id) => ORG_KEYS.find((key) => world[key] === id) ?? id;
  });
  afterAll(async () => {
    await fx?.app.close();
  });

  /** An instant, readably: minutes and milliseconds from the base. */
  const when = (t: number) => {
    const ms = t - BASE;
    const minutes = Math.round(ms / MINUTE);
    const rest = ms - minutes * MINUTE;
    return `base${minutes >= 0 ? '+' : ''}${minutes}min${rest === 0 ? '' : `${rest > 0 ? '+' : ''}${rest}ms`}`;
  };

  async function readable(
    target: { clientId: string; referralIds: string[] },
    q: { reader: string; author: string; referral: number; t: number },
  ): Promise<ContentCategory[]> {
    const set = await policy.readable(fx.ds.manager, {
      readerOrganisationId: q.reader,
      authorOrganisationId: q.author,
      clientId: target.clientId,
      referralId: target.referralIds[q.referral],
      at: new Date(q.t),
    });
    return [...set].sort();
  }

  it('answers exactly what the oracle derives from the consent history', async () => {
    const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { world } = fx;
        const history = historyOf(world, c);
        const target = await freshClient(fx);
        await insertHistory(fx, target, history);
        for (const t of instantsOf(history, c)) {
          for (const pair of pairsOf(world, c)) {
            const q = { ...pair, t };
            const context = {
              at: when(t),
              reader: orgName(q.reader),
              author: orgName(q.author),
              referral: q.referral,
            };
            expect({ ...context, readable: await readable(target, q) }).toEqual({
              ...context,
              readable: expectedReadable(history, q),
            });
          }
          const actual = await policy.effectiveGrants(fx.ds.manager, target.clientId, {
            at: new Date(t),
          });
          const inForce = new Set(grantsInForce(history, t).map(({ grant }) => grant.id));
          // Nothing the oracle holds not in force, and each grant as it was recorded.
          expect({
            at: when(t),
            notInForce: actual.filter((g) => !inForce.has(g.grantId)).map((g) => g.grantId),
          }).toEqual({ at: when(t), notInForce: [] });
          const byId = new Map(actual.map((g) => [g.grantId, g]));
          expect({ at: when(t), grants: [...byId.keys()].sort() }).toEqual({
            at: when(t),
            grants: [...inForce].sort(),
          });
          for (const { record, grant } of grantsInForce(history, t)) {
            const g = byId.get(grant.id)!;
            expect({
              consentId: g.consentId,
              category: g.category,
              referral: g.referralId,
              releasing: g.releasingOrganisationId,
              recipient: g.recipientOrganisationId,
              validUntil: g.validUntil === null ? null : new Date(g.validUntil).getTime(),
            }).toEqual({
              consentId: record.id,
              category: grant.category,
              referral: target.referralIds[record.referral],
              releasing: record.releasingOrg,
              recipient: grant.recipient,
              validUntil: record.validUntil,
            });
          }
        }
      }),
      {
        numRuns: Number(process.env.FC_NUM_RUNS ?? 60),
        ...(seed === undefined ? {} : { seed }),
        ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
      },
    );
  }, 300_000);

  // -------------------------------------------------------------------------------------------
  // Examples: each fails if one rule of the effective consent breaks.

  describe('examples', () => {
    const P = DataCategory.Participation;
    const G = DataCategory.Goals;
    const D = DataCategory.Debts;
    const at = (minutes: number, ms = 0) => BASE + minutes * MINUTE + ms;

    function record(
      releasingOrg: string,
      grants: { category: DataCategory; recipient: string; revokedAt?: number }[],
      times: Partial<
        Pick<RecordModel, 'recordedAt' | 'validFrom' | 'validUntil' | 'supersedes' | 'referral'>
      > = {},
    ): RecordModel {
      const chain = times.supersedes
        ? written.find((r) => r.id === times.supersedes)?.referral
        : undefined;
      const made: RecordModel = {
        id: randomUUID(),
        releasingOrg,
        referral: times.referral ?? chain ?? 0,
        recordedAt: times.recordedAt ?? BASE,
        validFrom: times.validFrom ?? BASE,
        validUntil: times.validUntil ?? null,
        supersedes: times.supersedes ?? null,
        grants: grants.map((g) => ({ id: randomUUID(), revokedAt: null, ...g })),
      };
      written.push(made);
      return made;
    }
    const written: RecordModel[] = [];

    /** Writes the history for a fresh client; `check` asserts the policy and the oracle alike. */
    async function given(history: RecordModel[]) {
      const target = await freshClient(fx);
      await insertHistory(fx, target, history);
      return {
        clientId: target.clientId,
        check: async (
          query: { reader: string; author: string; t: number; referral?: number },
          expected: ContentCategory[],
        ) => {
          const q = { referral: 0, ...query };
          const context = {
            at: when(q.t),
            reader: orgName(q.reader),
            author: orgName(q.author),
            referral: q.referral,
          };
          expect({ ...context, policy: await readable(target, q) }).toEqual({
            ...context,
            policy: [...expected].sort(),
          });
          expect({ ...context, oracle: expectedReadable(history, q) }).toEqual({
            ...context,
            oracle: [...expected].sort(),
          });
        },
      };
    }

    it('ends a record at validUntil (exclusive)', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const { check } = await given([
        record(P1, [{ category: P, recipient: A }], { validUntil: at(60) }),
      ]);
      const q = { reader: A, author: P1 };
      await check({ ...q, t: at(0) }, [P]);
      await check({ ...q, t: at(60, -1) }, [P]);
      await check({ ...q, t: at(60) }, []);
      await check({ ...q, t: at(600) }, []);
    });

    it('starts a record at validFrom, and not before it was recorded', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const { check } = await given([
        record(P1, [{ category: P, recipient: A }], { recordedAt: at(0), validFrom: at(30) }),
        // Backdated: valid from before its recording, but unknown until recorded.
        record(P1, [{ category: G, recipient: A }], {
          recordedAt: at(10),
          validFrom: at(-60),
          referral: 1,
        }),
      ]);
      const q = { reader: A, author: P1 };
      await check({ ...q, t: at(-30), referral: 1 }, []);
      await check({ ...q, t: at(10, -1), referral: 1 }, []);
      await check({ ...q, t: at(10), referral: 1 }, [G]);
      await check({ ...q, t: at(30, -1) }, []);
      await check({ ...q, t: at(30) }, [P]);
      await check({ ...q, t: at(30), referral: 1 }, [G]);
    });

    it('replaces a record from the recording of the one that supersedes it', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const old = record(
        P1,
        [
          { category: P, recipient: A },
          { category: G, recipient: A },
        ],
        { recordedAt: at(0), validFrom: at(0) },
      );
      const { check } = await given([
        old,
        // Recorded at 20, valid only from 40: from 20 to 40 nothing is released.
        record(P1, [{ category: D, recipient: A }], {
          recordedAt: at(20),
          validFrom: at(40),
          supersedes: old.id,
        }),
      ]);
      const q = { reader: A, author: P1 };
      await check({ ...q, t: at(20, -1) }, [G, P]);
      await check({ ...q, t: at(20) }, []);
      await check({ ...q, t: at(40, -1) }, []);
      await check({ ...q, t: at(40) }, [D]);
    });

    it('applies the new record and stops the old one when the change of mind is valid at once', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const old = record(P1, [{ category: P, recipient: A }], { recordedAt: at(0) });
      const { check } = await given([
        old,
        record(P1, [{ category: G, recipient: A }], {
          recordedAt: at(5),
          validFrom: at(5),
          supersedes: old.id,
        }),
      ]);
      const q = { reader: A, author: P1 };
      await check({ ...q, t: at(5, -1) }, [P]);
      await check({ ...q, t: at(5) }, [G]);
      await check({ ...q, t: at(500) }, [G]);
    });

    it('revokes one category of two from the revocation on', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const { check } = await given([
        record(P1, [
          { category: P, recipient: A },
          { category: G, recipient: A, revokedAt: at(10) },
        ]),
      ]);
      const q = { reader: A, author: P1 };
      await check({ ...q, t: at(10, -1) }, [G, P]);
      await check({ ...q, t: at(10) }, [P]);
      await check({ ...q, t: at(100) }, [P]);
    });

    it('revokes a whole record from the revocation on', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const { check } = await given([
        record(P1, [
          { category: P, recipient: A, revokedAt: at(10) },
          { category: G, recipient: A, revokedAt: at(10) },
        ]),
      ]);
      const q = { reader: A, author: P1 };
      await check({ ...q, t: at(10, -1) }, [G, P]);
      await check({ ...q, t: at(10) }, []);
    });

    it("never releases P1's content by P2's consent", async () => {
      const { jobcenterA: A, providerP1: P1, providerP2: P2 } = fx.world;
      const { check } = await given([
        record(
          P2,
          CATEGORIES.map((category) => ({ category, recipient: A })),
        ),
      ]);
      await check({ reader: A, author: P1, t: at(1) }, []);
      await check({ reader: A, author: P2, t: at(1) }, CATEGORIES);
    });

    it('never releases to jobcenter A what was released to jobcenter B', async () => {
      const { jobcenterA: A, jobcenterB: B, providerP1: P1 } = fx.world;
      const { check } = await given([
        record(
          P1,
          CATEGORIES.map((category) => ({ category, recipient: B })),
        ),
      ]);
      await check({ reader: A, author: P1, t: at(1) }, []);
      await check({ reader: B, author: P1, t: at(1) }, CATEGORIES);
    });

    it("never releases one client's consent for another client", async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      await given([
        record(
          P1,
          CATEGORIES.map((category) => ({ category, recipient: A })),
        ),
      ]);
      const other = await given([]);
      await other.check({ reader: A, author: P1, t: at(1) }, []);
    });

    it("releases a referral's content by the consent for that referral only", async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      // Nothing released for referral 0; everything for referral 1.
      const { check } = await given([
        record(
          P1,
          CATEGORIES.map((category) => ({ category, recipient: A })),
          { referral: 1 },
        ),
      ]);
      await check({ reader: A, author: P1, referral: 0, t: at(1) }, []);
      await check({ reader: A, author: P1, referral: 1, t: at(1) }, CATEGORIES);
      await check({ reader: A, author: P1, referral: 2, t: at(1) }, []);
    });

    it('narrows with a narrower consent for a new referral, whatever the old one released', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const H = DataCategory.Health;
      const { check } = await given([
        // The first referral's record, still in force: participation and health.
        record(
          P1,
          [
            { category: P, recipient: A },
            { category: H, recipient: A },
          ],
          { referral: 0 },
        ),
        // The second referral's: goals only.
        record(P1, [{ category: G, recipient: A }], { referral: 1, recordedAt: at(5) }),
      ]);
      await check({ reader: A, author: P1, referral: 1, t: at(10) }, [G]);
      await check({ reader: A, author: P1, referral: 0, t: at(10) }, [H, P]);
    });

    it('lets the author read everything of its own, internal notes included, and nobody else those', async () => {
      const { jobcenterA: A, providerP1: P1 } = fx.world;
      const everything: ContentCategory[] = [...CATEGORIES, 'internal'];
      const none = await given([]);
      await none.check({ reader: P1, author: P1, t: at(0) }, everything);
      await none.check({ reader: A, author: A, t: at(0) }, everything);
      const all = await given([
        record(
          P1,
          CATEGORIES.map((category) => ({ category, recipient: A, revokedAt: at(5) })),
          { validUntil: at(10) },
        ),
      ]);
      await all.check({ reader: A, author: P1, t: at(1) }, CATEGORIES);
      await all.check({ reader: P1, author: P1, t: at(20) }, everything);
    });
  });
});
