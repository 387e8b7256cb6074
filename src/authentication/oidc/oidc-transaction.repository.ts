import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OidcTransaction } from './oidc-transaction.entity';

/** What the callback checks against. */
export type TakenTransaction = Pick<
  OidcTransaction,
  'providerId' | 'codeVerifier' | 'nonce' | 'browserHash'
>;

@Injectable()
export class OidcTransactionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a new sign-in and drops the expired ones (one indexed delete). */
  async insert(row: Omit<OidcTransaction, 'createdAt'>): Promise<void> {
    await this.dataSource.query(`DELETE FROM oidc_transactions WHERE expires_at < now()`);
    await this.dataSource.manager.insert(OidcTransaction, row);
  }

  /** Takes the unexpired sign-in of this state: deleted as it is read, so it works once. */
  async take(stateHash: Buffer): Promise<TakenTransaction | undefined> {
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [rows] = await this.dataSource.query<
      [
        {
          providerId: string;
          codeVerifier: string;
          nonce: string;
          browserHash: Buffer;
          live: boolean;
        }[],
        number,
      ]
    >(
      `DELETE FROM oidc_transactions WHERE state_hash = $1
        RETURNING provider_id AS "providerId", code_verifier AS "codeVerifier", nonce,
                  browser_hash AS "browserHash", expires_at > now() AS live`,
      [stateHash],
    );
    const row = rows[0];
    if (!row?.live) return undefined;
    return {
      providerId: row.providerId,
      codeVerifier: row.codeVerifier,
      nonce: row.nonce,
      browserHash: row.browserHash,
    };
  }
}
