import { Injectable } from '@nestjs/common';
import { pooledQueryOf } from '../common/database/pooled-query';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ApiKeyScope, Role } from '../auth/role';
import type { OrganisationKind } from '../common/organisation-kind';
import { namedStatement } from '../common/database/statement-names';
import type { PresentedApiKey } from '../identity/api-keys.service';
import { livePrincipalSql, recordApiKeyUseSql, usableApiKeySql } from '../identity/principals.sql';
import { LimitStore, toRecord, type CountedHit } from '../limits/limit-store';
import { countHitSql } from '../limits/limits.sql';
import { principalKey, RATE_LIMIT_WINDOW_MS, RateLimiter, type CountedRequest } from './rate-limit';

/** The hit as the statements below return it: the counted stored key and the count. */
interface HitRow extends CountedHit {
  key: string;
}

/** Counted for the principal if the first CTE found one, else for the source address. */
const hitOf = (principal: string, found: string): string =>
  countHitSql({
    key: `CASE WHEN EXISTS (SELECT 1 FROM ${principal}) THEN ${found} ELSE $4::text END`,
    ttl: '$5::int',
    limit: '$6::int',
    block: '0',
  });

// $1 session id, $2 user id, $3 stored key of the user, $4 stored key of the source address,
// $5 window ms, $6 limit.
const USER_AND_HIT = namedStatement(
  'guard_user_and_hit',
  `WITH principal AS (${livePrincipalSql('$1::uuid', '$2::uuid')}),
        hit AS (${hitOf('principal', '$3::text')})
   SELECT p."organisationId", p."organisationKind", p.roles,
          hit.key, hit.hits, hit."windowLeftMs", hit."blockedLeftMs"
     FROM hit LEFT JOIN principal p ON true`,
);

// $1 prefix, $2 SHA-256 of the presented key, $3 stored key of API keys without the id, $4
// stored key of the source address, $5 window ms, $6 limit. The use of the key is recorded in
// the same statement (at most once a minute, as ApiKeysService.authenticate does).
const API_KEY_AND_HIT = namedStatement(
  'guard_api_key_and_hit',
  `WITH presented AS (${usableApiKeySql('$1::text', '$2::bytea')}),
        used AS (${recordApiKeyUseSql('(SELECT id FROM presented)')}),
        hit AS (${hitOf('presented', '$3::text || (SELECT id FROM presented)::text')})
   SELECT k.id, k."organisationId", k."secretHash", k.scopes,
          hit.key, hit.hits, hit."windowLeftMs", hit."blockedLeftMs"
     FROM hit LEFT JOIN presented k ON true`,
);

/** The principal of a live session, as identity's `livePrincipalSql` answers. */
export interface LivePrincipal {
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: Role[];
}

/** The usable key of the presented prefix and secret, as identity's `usableApiKeySql` answers. */
export interface UsableKey {
  id: string;
  organisationId: string;
  secretHash: Buffer;
  scopes: ApiKeyScope[];
}

/** The hit, and the principal's columns: all null when there is none (LEFT JOIN). */
type Row<P> = HitRow & { [K in keyof P]: P[K] | null };

/** A credential's principal (none: not live, not usable) and the request's counted hit. */
export interface Counted<P> {
  principal: P | undefined;
  counted: CountedRequest;
}

/**
 * The access guard's one round trip per request (ADR 0024) while limits are counted in the
 * database: who stands behind the credential (identity's SQL) and the request's hit of the
 * rate limit (limits' SQL) in one statement. The key is decided inside it, by the same rule as
 * `rateLimitKeyOf`: the user or the API key if the credential holds, else the source address.
 * With limits in Redis (`inOneStatement` false) the guard asks identity and the store one after
 * the other, as the key depends on the answer.
 */
@Injectable()
export class CountedPrincipals {
  readonly inOneStatement: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    store: LimitStore,
    private readonly rateLimiter: RateLimiter,
  ) {
    this.inOneStatement = store.store === 'postgresql';
  }

  /** The live principal of the session and the counted request. */
  async user(sessionId: string, userId: string, ip: string): Promise<Counted<LivePrincipal>> {
    const [row] = await pooledQueryOf(this.dataSource)<Row<LivePrincipal>[]>(USER_AND_HIT, [
      sessionId,
      userId,
      this.rateLimiter.storedKeyOf(principalKey.user(userId)),
      ...this.addressAndLimit(ip),
    ]);
    const { organisationId, organisationKind, roles } = row;
    return {
      principal:
        organisationId && organisationKind && roles
          ? { organisationId, organisationKind, roles }
          : undefined,
      counted: this.countedOf(row),
    };
  }

  /** The usable key whose secret was presented and the counted request. */
  async apiKey(presented: PresentedApiKey, ip: string): Promise<Counted<UsableKey>> {
    const [row] = await pooledQueryOf(this.dataSource)<Row<UsableKey>[]>(API_KEY_AND_HIT, [
      presented.prefix,
      presented.secretHash,
      this.rateLimiter.storedKeyOf(principalKey.apiKey('')),
      ...this.addressAndLimit(ip),
    ]);
    const { id, organisationId, secretHash, scopes } = row;
    return {
      principal:
        id && organisationId && secretHash && scopes
          ? { id, organisationId, secretHash, scopes }
          : undefined,
      counted: this.countedOf(row),
    };
  }

  private addressAndLimit(ip: string): [string, number, number] {
    return [
      this.rateLimiter.storedKeyOf(principalKey.address(ip)),
      RATE_LIMIT_WINDOW_MS,
      this.rateLimiter.limit,
    ];
  }

  private countedOf(row: HitRow): CountedRequest {
    return { storedKey: row.key, record: toRecord(row, this.rateLimiter.limit, 0) };
  }
}
