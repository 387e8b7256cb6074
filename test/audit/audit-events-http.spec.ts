import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuditService } from '../../src/audit/audit.service';
import { asAuditEntry, type TrailTestEntry } from '../support/trail-entries';
import { encodeCursor } from '../../src/common/pagination/cursor';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

// Each test writes events under its own resource id (`resourceType=test&resourceId=<tag>`), so
// that events of other tests and files sharing the database never show up in its lists.

interface EventBody {
  id: string;
  action: string;
  organisationId: string | null;
  [field: string]: unknown;
}

describe('GET /api/v1/audit-events', () => {
  let app: NestFastifyApplication;
  let audit: AuditService;
  let auditorA: TestUser;
  let auditorB: TestUser;
  let operatorAuditor: TestUser;
  let caseworkerA: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    audit = app.get(AuditService);
    auditorA = await createUser(app, {
      roles: [Role.Auditor],
      organisationKind: OrganisationKind.Jobcenter,
    });
    auditorB = await createUser(app, {
      roles: [Role.Auditor],
      organisationKind: OrganisationKind.Provider,
    });
    operatorAuditor = await createUser(app, {
      roles: [Role.Auditor],
      organisationKind: OrganisationKind.Operator,
    });
    caseworkerA = await createUser(app, {
      roles: [Role.Caseworker],
      organisationId: auditorA.organisationId,
      organisationKind: OrganisationKind.Jobcenter,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Records the events one after another (ids ascending) under a fresh tag. */
  async function record(entries: Partial<TrailTestEntry>[]): Promise<string> {
    const tag = randomUUID();
    for (const e of entries) {
      await audit.recordAlone(
        asAuditEntry({
          actorKind: 'user',
          actorId: randomUUID(),
          organisationId: auditorA.organisationId,
          action: 'test.event',
          outcome: 'success',
          resourceType: 'test',
          resourceId: tag,
          ...e,
        }),
      );
    }
    return tag;
  }

  async function list(
    as: TestUser,
    query: Record<string, string | number>,
  ): Promise<{ items: EventBody[]; nextCursor: string | null }> {
    const res = await http().get('/api/v1/audit-events').query(query).set(as.authHeader);
    expect(res.status).toBe(200);
    return res.body;
  }

  const actionsOf = (page: { items: EventBody[] }) => page.items.map((e) => e.action);

  it('answers with every field of the event, newest first, never cached', async () => {
    const clientId = randomUUID();
    const actorId = randomUUID();
    const tag = await record([
      { action: 'test.first' },
      {
        action: 'test.second',
        actorId,
        clientId,
        outcome: 'denied',
        categories: ['participation', 'goals'],
        requestId: 'req-second',
        details: { reason: 'test', count: 2 },
      },
    ]);
    const res = await http()
      .get('/api/v1/audit-events')
      .query({ resourceType: 'test', resourceId: tag })
      .set(auditorA.authHeader);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { items, nextCursor } = res.body as { items: EventBody[]; nextCursor: string | null };
    expect(nextCursor).toBeNull();
    expect(items.map((e) => e.action)).toEqual(['test.second', 'test.first']);
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actorKind: 'user',
      actorId,
      organisationId: auditorA.organisationId,
      action: 'test.second',
      outcome: 'denied',
      resourceType: 'test',
      resourceId: tag,
      clientId,
      categories: ['participation', 'goals'],
      requestId: 'req-second',
      details: { reason: 'test', count: 2 },
    });
    expect(BigInt(items[0].id)).toBeGreaterThan(BigInt(items[1].id));
    expect(items[1]).toMatchObject({ clientId: null, categories: [], details: null });
  });

  describe('scope', () => {
    let tag: string;

    beforeAll(async () => {
      tag = await record([
        { action: 'test.of_a', organisationId: auditorA.organisationId },
        { action: 'test.of_b', organisationId: auditorB.organisationId },
        { action: 'test.of_nobody', organisationId: null, actorKind: 'anonymous', actorId: null },
      ]);
    });

    it("shows an auditor their own organisation's events only", async () => {
      const filter = { resourceType: 'test', resourceId: tag };
      expect(actionsOf(await list(auditorA, filter))).toEqual(['test.of_a']);
      expect(actionsOf(await list(auditorB, filter))).toEqual(['test.of_b']);
    });

    it("gives an auditor nothing when they filter for another organisation's events", async () => {
      const page = await list(auditorA, {
        resourceType: 'test',
        resourceId: tag,
        organisationId: auditorB.organisationId,
      });
      expect(page).toEqual({ items: [], nextCursor: null });
    });

    it("shows the operator's auditor every organisation's events, and those of none", async () => {
      const filter = { resourceType: 'test', resourceId: tag };
      expect(actionsOf(await list(operatorAuditor, filter))).toEqual([
        'test.of_nobody',
        'test.of_b',
        'test.of_a',
      ]);
      const onlyB = await list(operatorAuditor, {
        ...filter,
        organisationId: auditorB.organisationId,
      });
      expect(actionsOf(onlyB)).toEqual(['test.of_b']);
    });

    it('never leaks a foreign event through a later page', async () => {
      const seen: EventBody[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(auditorA, { limit: 100, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && seen.length < 1000);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((e) => e.organisationId === auditorA.organisationId)).toBe(true);
    });
  });

  describe('filters', () => {
    it('by action and outcome', async () => {
      const tag = await record([
        { action: 'test.alpha', outcome: 'success' },
        { action: 'test.beta', outcome: 'denied' },
        { action: 'test.alpha', outcome: 'failure' },
      ]);
      const base = { resourceType: 'test', resourceId: tag };
      const alpha = await list(auditorA, { ...base, action: 'test.alpha' });
      expect(alpha.items.map((e) => e.outcome)).toEqual(['failure', 'success']);
      const denied = await list(auditorA, { ...base, outcome: 'denied' });
      expect(actionsOf(denied)).toEqual(['test.beta']);
      const both = await list(auditorA, { ...base, action: 'test.alpha', outcome: 'denied' });
      expect(both.items).toEqual([]);
    });

    it('by actor and by client', async () => {
      const actorId = randomUUID();
      const clientId = randomUUID();
      await record([
        { action: 'test.by_actor', actorId },
        { action: 'test.by_client', clientId },
        { action: 'test.by_both', actorId, clientId },
      ]);
      expect(actionsOf(await list(auditorA, { actorId }))).toEqual([
        'test.by_both',
        'test.by_actor',
      ]);
      expect(actionsOf(await list(auditorA, { clientId }))).toEqual([
        'test.by_both',
        'test.by_client',
      ]);
    });

    it('by resource type and id', async () => {
      const tag = await record([{ action: 'test.resource' }]);
      expect(actionsOf(await list(auditorA, { resourceType: 'test', resourceId: tag }))).toEqual([
        'test.resource',
      ]);
      const otherType = await list(auditorA, { resourceType: 'user', resourceId: tag });
      expect(otherType.items).toEqual([]);
    });

    it('by time: from inclusive, to exclusive', async () => {
      const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
      const tag = await record([{ action: 'test.before' }]);
      await pause();
      const boundary = new Date().toISOString();
      await pause();
      await record([{ action: 'test.after', resourceId: tag }]);
      const base = { resourceType: 'test', resourceId: tag };
      expect(actionsOf(await list(auditorA, { ...base, from: boundary }))).toEqual(['test.after']);
      expect(actionsOf(await list(auditorA, { ...base, to: boundary }))).toEqual(['test.before']);
      // The same instant written with another offset means the same thing.
      const shifted = new Date(boundary).getTime() + 2 * 3600_000;
      const plusTwo = new Date(shifted).toISOString().replace('Z', '+02:00');
      expect(actionsOf(await list(auditorA, { ...base, from: plusTwo }))).toEqual(['test.after']);
      const { items } = await list(auditorA, { ...base, from: boundary, to: boundary });
      expect(items).toEqual([]);
    });
  });

  describe('pagination', () => {
    it('pages newest first by cursor, the last page without one', async () => {
      const tag = await record([1, 2, 3, 4, 5].map((n) => ({ action: `test.n${n}` })));
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page = await list(auditorA, {
          resourceType: 'test',
          resourceId: tag,
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        pages.push(actionsOf(page));
        cursor = page.nextCursor;
      } while (cursor && pages.length < 10);
      expect(pages).toEqual([['test.n5', 'test.n4'], ['test.n3', 'test.n2'], ['test.n1']]);
    });

    it('refuses the cursor of another list', async () => {
      const res = await http()
        .get('/api/v1/audit-events')
        .query({ cursor: encodeCursor('organisations-by-name', ['x', 'y']) })
        .set(auditorA.authHeader);
      expectProblem(res, 400, 'invalid-cursor');
    });
  });

  describe('validation', () => {
    it.each<[string, string, string]>([
      ['a limit over 100', 'limit=1000', 'limit'],
      ['an actor id that is not a uuid', 'actorId=42', 'actorId'],
      ['a client id that is not a uuid', 'clientId=x', 'clientId'],
      ['an unknown outcome', 'outcome=maybe', 'outcome'],
      ['an action with odd characters', 'action=DROP%20TABLE', 'action'],
      ['an action over 64 characters', `action=${'a'.repeat(65)}`, 'action'],
      ['a resource id without its type', 'resourceId=abc', 'resourceType'],
      [
        'a resource id over 200 characters',
        `resourceType=t&resourceId=${'a'.repeat(201)}`,
        'resourceId',
      ],
      ['a time without offset', 'from=2026-11-21T10:00:00', 'from'],
      ['a date without time', 'to=2026-11-21', 'to'],
      ['an impossible date', 'from=2026-02-30T10:00:00Z', 'from'],
      ['a repeated parameter', 'action=test.a&action=test.b', 'action'],
      ['an unknown parameter', 'sort=asc', 'sort'],
    ])('refuses %s', async (_name, query, field) => {
      const res = await http().get(`/api/v1/audit-events?${query}`).set(auditorA.authHeader);
      const body = expectProblem(res, 400, 'validation-error');
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });
  });

  describe('access', () => {
    it('needs a signed-in caller', async () => {
      expectProblem(await http().get('/api/v1/audit-events'), 401, 'unauthorized');
    });

    it('is refused to a caseworker', async () => {
      const res = await http().get('/api/v1/audit-events').set(caseworkerA.authHeader);
      expectProblem(res, 403, 'forbidden');
    });
  });
});
