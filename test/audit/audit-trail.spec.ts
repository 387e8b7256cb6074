import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEventRepository } from '../../src/audit/audit-event.repository';
import { AuditSealer } from '../../src/audit/audit-sealer.service';
import { AuditVerifier } from '../../src/audit/audit-verifier.service';
import { AuditService, InvalidAuditEntry, type AuditEntry } from '../../src/audit/audit.service';
import { asAuditEntry, testTrailEntry, type TrailTestEntry } from '../support/trail-entries';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

// Every test that asserts a broken chain lives in this file: files run in parallel on one
// database, and the tampering below would break another file's verification meanwhile. Other
// files expect a chain that holds through test/support/audit-chain.ts, which waits such a
// moment out.
// Events are told apart by a fresh resource id per test; the trail is never assumed empty.

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe('the audit trail in the database', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let audit: AuditService;
  let verifier: AuditVerifier;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    audit = app.get(AuditService);
    verifier = app.get(AuditVerifier);
  });
  afterAll(async () => {
    await app?.close();
  });

  function entry(tag: string, overrides: Partial<TrailTestEntry> = {}): AuditEntry {
    return testTrailEntry(tag, overrides);
  }

  async function eventIdsOf(tag: string): Promise<string[]> {
    const rows: { id: string }[] = await ds.query(
      `SELECT id::text AS id FROM audit_events
        WHERE resource_type = 'test' AND resource_id = $1 ORDER BY id`,
      [tag],
    );
    return rows.map((r) => r.id);
  }

  async function sealOf(eventId: string) {
    const rows: { position: number; prev_hash: Buffer; hash: Buffer; sealed_at: Date }[] =
      await ds.query(
        `SELECT position::int AS position, prev_hash, hash, sealed_at
           FROM audit_seals WHERE event_id = $1`,
        [eventId],
      );
    return rows[0];
  }

  /** Runs `sql` in a transaction that is rolled back either way; returns the error message. */
  async function failureOf(sql: string, params: unknown[] = []): Promise<string> {
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(sql, params);
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** What only the owner can do: change a row with the refusing trigger off for a moment. */
  async function asOwner(table: string, sql: string, params: unknown[]): Promise<void> {
    await ds.transaction(async (manager) => {
      await manager.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
      await manager.query(sql, params);
      await manager.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
    });
  }

  describe('is append-only', () => {
    let eventId: string;

    beforeAll(async () => {
      const tag = randomUUID();
      await audit.recordAlone(entry(tag));
      [eventId] = await eventIdsOf(tag);
      await app.get(AuditSealer).sealPending();
    });

    it.each([
      ['UPDATE audit_events', `UPDATE audit_events SET action = 'test.changed' WHERE id = $1`],
      ['DELETE FROM audit_events', 'DELETE FROM audit_events WHERE id = $1'],
      ['UPDATE audit_seals', 'UPDATE audit_seals SET sealed_at = now() WHERE event_id = $1'],
      ['DELETE FROM audit_seals', 'DELETE FROM audit_seals WHERE event_id = $1'],
    ])('refuses %s, even to the owner', async (_name, sql) => {
      expect(await failureOf(sql, [eventId])).toMatch(
        /is not allowed: the audit trail is append-only/,
      );
    });

    it.each(['audit_events', 'audit_seals', 'audit_chain_head'])(
      'refuses TRUNCATE %s',
      async (table) => {
        expect(await failureOf(`TRUNCATE ${table}`)).toMatch(/TRUNCATE on \w+ is not allowed/);
      },
    );

    it('refuses to delete the chain head', async () => {
      expect(await failureOf('DELETE FROM audit_chain_head')).toMatch(/DELETE on audit_chain_head/);
    });

    it('left the event and its seal as they were', async () => {
      const rows: { action: string }[] = await ds.query(
        'SELECT action FROM audit_events WHERE id = $1',
        [eventId],
      );
      expect(rows).toEqual([{ action: 'test.audit' }]);
      expect(await sealOf(eventId)).toBeDefined();
    });
  });

  describe('writing', () => {
    it('stores every field of the entry, and queues the event for sealing in the same commit', async () => {
      const tag = randomUUID();
      const clientId = randomUUID();
      const actorId = randomUUID();
      const organisationId = randomUUID();
      await ds.transaction(async (manager) => {
        await audit.record(
          manager,
          entry(tag, {
            actorKind: 'user',
            actorId,
            organisationId,
            action: 'client.read',
            clientId,
            categories: ['participation', 'goals'],
            requestId: 'req-1',
            details: { fields: ['a', 'b'], count: 2, partial: false, note: null },
          }),
        );
        const queued: unknown[] = await manager.query(
          `SELECT 1 FROM audit_pending p JOIN audit_events e ON e.id = p.event_id
            WHERE e.resource_id = $1`,
          [tag],
        );
        expect(queued).toHaveLength(1);
      });
      const rows = await ds.query(
        `SELECT actor_kind, actor_id, organisation_id, action, outcome, resource_type,
                resource_id, client_id, categories, request_id, details,
                occurred_at > now() - interval '1 minute' AS recent
           FROM audit_events WHERE resource_id = $1`,
        [tag],
      );
      expect(rows).toEqual([
        {
          actor_kind: 'user',
          actor_id: actorId,
          organisation_id: organisationId,
          action: 'client.read',
          outcome: 'success',
          resource_type: 'test',
          resource_id: tag,
          client_id: clientId,
          categories: ['participation', 'goals'],
          request_id: 'req-1',
          details: { fields: ['a', 'b'], count: 2, partial: false, note: null },
          recent: true,
        },
      ]);
    });

    it('writes nothing when the transaction that recorded the event fails', async () => {
      const tag = randomUUID();
      await expect(
        ds.transaction(async (manager) => {
          await audit.record(manager, entry(tag));
          throw new Error('the business change failed');
        }),
      ).rejects.toThrow('the business change failed');
      expect(await eventIdsOf(tag)).toEqual([]);
    });

    it.each<[string, Partial<TrailTestEntry>]>([
      ['an action that is not area.verb', { action: 'Login' }],
      ['an action longer than 64', { action: `test.${'x'.repeat(60)}` }],
      ['a client id that is not a uuid', { clientId: 'client-7' }],
      ['a resource id longer than 200', { resourceId: 'x'.repeat(201) }],
      ['large details', { details: { blob: 'x'.repeat(5000) } }],
      ['an unknown outcome', { outcome: 'maybe' as AuditEntry['outcome'] }],
    ])('refuses %s and writes nothing', async (_name, overrides) => {
      const tag = randomUUID();
      await expect(
        audit.recordAlone(asAuditEntry({ ...entry(tag), ...overrides })),
      ).rejects.toThrow(InvalidAuditEntry);
      expect(await eventIdsOf(tag)).toEqual([]);
    });

    (onPostgres ? it : it.skip)(
      'does not wait for a sealer holding the chain head (PostgreSQL only)',
      async () => {
        const tag = randomUUID();
        const sealer = ds.createQueryRunner();
        await sealer.connect();
        await sealer.startTransaction();
        try {
          await sealer.query('SELECT * FROM audit_chain_head WHERE id = 1 FOR UPDATE');
          await ds.transaction((manager) => audit.record(manager, entry(tag)));
          expect(await eventIdsOf(tag)).toHaveLength(1);
        } finally {
          await sealer.rollbackTransaction();
          await sealer.release();
        }
      },
    );
  });

  describe('sealing', () => {
    it('renders events the same whatever the session time zone and date style', async () => {
      const tag = randomUUID();
      await audit.recordAlone(entry(tag));
      const ids = await eventIdsOf(tag);
      const events = app.get(AuditEventRepository);
      const plain = await events.readCanonical(ds.manager, ids);
      const odd = await ds.transaction(async (manager) => {
        await manager.query(`SET LOCAL TimeZone = 'Pacific/Kiritimati'`);
        await manager.query(`SET LOCAL DateStyle = 'SQL, DMY'`);
        return events.readCanonical(manager, ids);
      });
      expect(odd).toEqual(plain);
      expect(plain[0].occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    });

    it('seals each of many concurrent events exactly once, and the chain verifies', async () => {
      const tag = randomUUID();
      // A second instance with its own sealer, as behind a load balancer.
      const other = await createTestApp();
      try {
        const otherAudit = other.get(AuditService);
        const sealers = [app.get(AuditSealer), other.get(AuditSealer)];
        const writes = [
          ...Array.from({ length: 50 }, (_, i) =>
            (i % 2 ? audit : otherAudit).recordAlone(entry(tag, { details: { i } })),
          ),
          ...Array.from({ length: 50 }, (_, i) =>
            ds.transaction(async (manager) => {
              await manager.query('SELECT count(*) FROM audit_chain_head');
              await audit.record(manager, entry(tag, { details: { i: 50 + i } }));
            }),
          ),
        ];
        const seals = Array.from({ length: 6 }, (_, i) => sealers[i % 2].sealPending());
        await Promise.all([...writes, ...seals]);
        await Promise.all(sealers.map((s) => s.sealPending()));
      } finally {
        await other.close();
      }

      const result = await verifier.verify();
      expect(result).toMatchObject({ ok: true });
      const ids = await eventIdsOf(tag);
      expect(ids).toHaveLength(100);
      const sealed: { n: number; positions: number }[] = await ds.query(
        `SELECT count(*)::int AS n, count(DISTINCT s.position)::int AS positions
           FROM audit_seals s JOIN audit_events e ON e.id = s.event_id
          WHERE e.resource_type = 'test' AND e.resource_id = $1`,
        [tag],
      );
      expect(sealed).toEqual([{ n: 100, positions: 100 }]);
      // One statement, one snapshot: each event is either sealed or still queued, never both.
      const [totals]: { events: number; seals: number; pending: number }[] = await ds.query(
        `SELECT (SELECT count(*) FROM audit_events)::int AS events,
                (SELECT count(*) FROM audit_seals)::int AS seals,
                (SELECT count(*) FROM audit_pending)::int AS pending`,
      );
      expect(totals.seals + totals.pending).toBe(totals.events);
      if (result.ok) expect(result.checked).toBe(result.headPosition);
    });
  });

  describe('the sealer', () => {
    // Scheduled runs are the job `audit-seal`: test/jobs/job-runner.spec.ts.
    it('seals once more when the app shuts down', async () => {
      const other = await createTestApp();
      const sealing = jest.spyOn(other.get(AuditSealer), 'sealPending');
      const tag = randomUUID();
      await other.get(AuditService).recordAlone(entry(tag));
      await other.close();
      expect(sealing).toHaveBeenCalled();
      const [eventId] = await eventIdsOf(tag);
      expect(await sealOf(eventId)).toBeDefined();
    });
  });

  describe('verification', () => {
    it('is ok over the whole chain, every link checked up to the head', async () => {
      await audit.recordAlone(entry(randomUUID()));
      const result = await verifier.verify();
      expect(result).toEqual({
        ok: true,
        checked: expect.any(Number),
        headPosition: expect.any(Number),
        headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      if (result.ok) {
        expect(result.headPosition).toBeGreaterThan(0);
        expect(result.checked).toBe(result.headPosition);
      }
    });

    it('reports an event edited by the owner as the first broken link, and ok once restored', async () => {
      const tag = randomUUID();
      await audit.recordAlone(entry(tag, { details: { step: 'original' } }));
      const [eventId] = await eventIdsOf(tag);
      expect((await verifier.verify()).ok).toBe(true);
      const { position } = await sealOf(eventId);

      await asOwner('audit_events', `UPDATE audit_events SET outcome = 'failure' WHERE id = $1`, [
        eventId,
      ]);
      try {
        expect(await verifier.verify()).toEqual({
          ok: false,
          checked: position - 1,
          firstBroken: { position, eventId, reason: 'hash-mismatch' },
        });
      } finally {
        await asOwner('audit_events', `UPDATE audit_events SET outcome = 'success' WHERE id = $1`, [
          eventId,
        ]);
      }
      expect((await verifier.verify()).ok).toBe(true);
    });

    it('reports a seal removed by the owner as a position gap, and ok once restored', async () => {
      const tag = randomUUID();
      await audit.recordAlone(entry(tag));
      const [eventId] = await eventIdsOf(tag);
      expect((await verifier.verify()).ok).toBe(true);
      const seal = await sealOf(eventId);

      await asOwner('audit_seals', 'DELETE FROM audit_seals WHERE event_id = $1', [eventId]);
      try {
        expect(await verifier.verify()).toMatchObject({
          ok: false,
          checked: seal.position - 1,
          firstBroken: { position: seal.position, eventId: null, reason: 'position-gap' },
        });
      } finally {
        await ds.query(
          `INSERT INTO audit_seals (position, event_id, prev_hash, hash, sealed_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [seal.position, eventId, seal.prev_hash, seal.hash, seal.sealed_at],
        );
      }
      expect((await verifier.verify()).ok).toBe(true);
    });

    it('reports a chain head moved back as a link mismatch, and ok once restored', async () => {
      await audit.recordAlone(entry(randomUUID()));
      await audit.recordAlone(entry(randomUUID()));
      expect((await verifier.verify()).ok).toBe(true);
      // Under the head's lock, as a sealer holds it, so that no sealer moves it meanwhile.
      // While the head is behind, every sealer fails on a seal position that already exists.
      const moveHead = (by: number) =>
        ds.transaction(async (manager) => {
          const [head]: { position: number }[] = await manager.query(
            'SELECT position::int AS position FROM audit_chain_head WHERE id = 1 FOR UPDATE',
          );
          const to = head.position + by;
          await manager.query(
            `UPDATE audit_chain_head SET position = s.position, hash = s.hash
               FROM audit_seals s WHERE audit_chain_head.id = 1 AND s.position = $1`,
            [to],
          );
          return to;
        });
      const moved = await moveHead(-1);
      try {
        expect(await verifier.verify()).toMatchObject({
          ok: false,
          firstBroken: { position: moved, eventId: null, reason: 'link-mismatch' },
        });
      } finally {
        await moveHead(+1);
      }
      expect((await verifier.verify()).ok).toBe(true);
    });

    it('reports an event taken off the sealing queue as unsealed, and ok once queued again', async () => {
      const tag = randomUUID();
      await ds.transaction(async (manager) => {
        await audit.record(manager, entry(tag));
        await manager.query(
          `DELETE FROM audit_pending WHERE event_id IN
             (SELECT id FROM audit_events WHERE resource_type = 'test' AND resource_id = $1)`,
          [tag],
        );
      });
      const [eventId] = await eventIdsOf(tag);
      try {
        expect(await verifier.verify()).toMatchObject({
          ok: false,
          firstBroken: { position: null, eventId, reason: 'unsealed-event' },
        });
      } finally {
        await ds.query('INSERT INTO audit_pending (event_id) VALUES ($1)', [eventId]);
      }
      expect((await verifier.verify()).ok).toBe(true);
      expect(await sealOf(eventId)).toBeDefined();
    });
  });
  describe('GET /api/v1/audit-events/verify', () => {
    let http: TestHttp;
    beforeAll(() => {
      http = httpOf(app);
    });

    it('tells an auditor that the chain holds, never cached', async () => {
      const auditor = await createUser(app, {
        roles: [Role.Auditor],
        organisationKind: OrganisationKind.Provider,
      });
      await audit.recordAlone(entry(randomUUID()));
      const res = await http.get(auditor, '/api/v1/audit-events/verify');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        ok: true,
        checked: expect.any(Number),
        headPosition: expect.any(Number),
        headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(res.body.checked).toBe(res.body.headPosition);
      expect(res.body.headPosition).toBeGreaterThan(0);
    });

    it('is refused to anyone else', async () => {
      const admin = await createUser(app, { roles: [Role.Admin] });
      expectProblem(await http.get(admin, '/api/v1/audit-events/verify'), 403, 'forbidden');
      expectProblem(
        await http.get('anonymous', '/api/v1/audit-events/verify'),
        401,
        'unauthorized',
      );
    });
  });
});
