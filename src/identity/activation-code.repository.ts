import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ActivationCode, type ActivationPurpose } from './activation-code.entity';

/** A code that works now, with what its redemption needs to know of its user. */
export interface RedeemableCode {
  id: string;
  userId: string;
  organisationId: string;
  email: string;
  purpose: ActivationPurpose;
}

@Injectable()
export class ActivationCodeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, code: Partial<ActivationCode>): Promise<void> {
    await manager.insert(ActivationCode, code);
  }

  /** Voids the user's codes that are still open; returns how many. */
  async voidOpenOfUser(manager: EntityManager, userId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ActivationCode)
      .set({ voidedAt: () => 'now()' })
      .where('user_id = :userId AND used_at IS NULL AND voided_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * The code with this hash if it works now: unused, not voided, unexpired, its user and their
   * organisation active. `lock` takes its row for the redemption, so that it is used once.
   */
  async findRedeemable(
    codeHash: Buffer,
    lock: EntityManager | undefined,
  ): Promise<RedeemableCode | undefined> {
    const rows = await (lock ?? this.dataSource.manager).query<RedeemableCode[]>(
      `SELECT c.id, c.user_id AS "userId", u.organisation_id AS "organisationId", u.email,
              c.purpose::text AS purpose
         FROM activation_codes c
         JOIN users u ON u.id = c.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.voided_at IS NULL
          AND c.expires_at > now() AND u.active AND o.active
        ${lock ? 'FOR UPDATE OF c' : ''}`,
      [codeHash],
    );
    return rows[0];
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.update(ActivationCode, { id }, { usedAt: () => 'now()' });
  }
}
