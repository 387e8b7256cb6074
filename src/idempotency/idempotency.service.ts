import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { IdempotencyKeyInFlight, IdempotencyKeyReused } from './idempotency-errors';
import { IdempotencyKey } from './idempotency-key.entity';

/** A request abandoned this long ago (its process died mid-way) may be taken over by a retry. */
const ABANDONED_AFTER_SECONDS = 60;

export interface IdempotentResult<T> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** What identifies "the same request": the route and the request body, keys in any order. */
export function fingerprintOf(route: string, body: unknown): string {
  return createHash('sha256')
    .update(route)
    .update('\n')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

/**
 * Idempotent POST (draft-ietf-httpapi-idempotency-key-header, as Stripe does it): the first
 * request with a key claims it and runs; its answer is stored in the same transaction as its
 * effect, so that a retry gets the same status and body, and nothing happens twice. A retry
 * with another body → 422; while the first still runs → 409. Keys are per organisation.
 */
/** How long a key is remembered: 24 hours, as the IETF Idempotency-Key draft suggests. */
export const IDEMPOTENCY_KEY_HOURS = 24;

@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Forgets keys older than `IDEMPOTENCY_KEY_HOURS` (a job, ADR 0019); their count. */
  async prune(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM idempotency_keys WHERE created_at < $1',
      [cutoff],
    );
    return deleted;
  }

  /**
   * A create that takes an optional Idempotency-Key: without one, `work` in a transaction of its
   * own; with one, once per key of the organisation (`run`), after `mayAnswer` confirmed that the
   * caller may be given the answer now (a replay skips `work` and the checks in it).
   */
  async runIfKeyed<T>(
    request: { organisationId: string; key: string | undefined; route: string; body: unknown },
    mayAnswer: () => Promise<void>,
    work: (manager: EntityManager) => Promise<IdempotentResult<T>>,
  ): Promise<IdempotentResult<T>> {
    if (!request.key) return this.dataSource.transaction(work);
    await mayAnswer();
    const fingerprint = fingerprintOf(request.route, request.body);
    return this.run(
      { organisationId: request.organisationId, key: request.key, fingerprint },
      work,
    );
  }

  async run<T>(
    scope: { organisationId: string; key: string; fingerprint: string },
    work: (manager: EntityManager) => Promise<IdempotentResult<T>>,
  ): Promise<IdempotentResult<T> & { replayed: boolean }> {
    if (!(await this.claim(scope))) {
      const stored = await this.dataSource.manager.findOneBy(IdempotencyKey, {
        organisationId: scope.organisationId,
        key: scope.key,
      });
      if (!stored) return this.run(scope, work); // released by a failed first request
      if (stored.fingerprint !== scope.fingerprint) throw new IdempotencyKeyReused();
      if (stored.state === 'done') {
        return {
          status: stored.responseStatus!,
          // Parsed from the text that was sent, its members in the order they were sent: the
          // reply serialises it to the same bytes.
          body: JSON.parse(stored.responseBody ?? 'null') as T,
          headers: stored.responseHeaders ?? {},
          replayed: true,
        };
      }
      if (!(await this.takeOverAbandoned(scope))) throw new IdempotencyKeyInFlight();
    }
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        const done = await work(manager);
        // JSON as the client receives it: the replay must be byte-for-byte the same answer.
        const text = JSON.stringify(done.body);
        const body = JSON.parse(text) as T;
        await manager.update(
          IdempotencyKey,
          { organisationId: scope.organisationId, key: scope.key },
          {
            state: 'done',
            responseStatus: done.status,
            responseBody: text,
            responseHeaders: done.headers,
            completedAt: () => 'now()',
          },
        );
        return { ...done, body };
      });
      return { ...result, replayed: false };
    } catch (error) {
      // Nothing happened: release the key, so that a corrected retry can use it.
      await this.dataSource.manager.delete(IdempotencyKey, {
        organisationId: scope.organisationId,
        key: scope.key,
        state: 'in_flight',
      });
      throw error;
    }
  }

  private async claim(scope: { organisationId: string; key: string; fingerprint: string }) {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys (organisation_id, key, fingerprint, state)
       VALUES ($1, $2, $3, 'in_flight') ON CONFLICT DO NOTHING RETURNING key`,
      [scope.organisationId, scope.key, scope.fingerprint],
    );
    return rows.length === 1;
  }

  private async takeOverAbandoned(scope: { organisationId: string; key: string }) {
    const [rows] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE idempotency_keys SET created_at = now()
        WHERE organisation_id = $1 AND key = $2 AND state = 'in_flight'
          AND created_at < now() - interval '${ABANDONED_AFTER_SECONDS} seconds'
       RETURNING key`,
      [scope.organisationId, scope.key],
    );
    return rows.length === 1;
  }
}
