import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BillingStatementLine } from './billing-statement-line.entity';
import { BillingStatement } from './billing-statement.entity';
import type { StatementLine } from './billing-rules';

/** Whose statements a reader sees: its jobcenter's, or its provider's. */
export type StatementScope = { jobcenterId: string } | { providerId: string };

/** An edition with its contract's number. */
export interface StoredStatement {
  statement: BillingStatement;
  contractNumber: string;
  lineCount: number;
}

@Injectable()
export class StatementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The highest edition of the contract's month so far, 0 when there is none. */
  async lastEdition(manager: EntityManager, contractId: string, month: string): Promise<number> {
    const [row] = await manager.query<{ edition: number | null }[]>(
      `SELECT max(edition)::int AS edition FROM billing_statements
        WHERE contract_id = $1 AND month = CAST($2 AS date)`,
      [contractId, month],
    );
    return row?.edition ?? 0;
  }

  async insert(
    manager: EntityManager,
    statement: Omit<BillingStatement, 'id' | 'createdAt' | 'contract'>,
    lines: readonly StatementLine[],
  ): Promise<BillingStatement> {
    const saved = await manager.save(BillingStatement, manager.create(BillingStatement, statement));
    // In chunks, so that no statement exceeds PostgreSQL's 65535 parameters.
    for (let i = 0; i < lines.length; i += 5000) {
      await manager.insert(
        BillingStatementLine,
        lines.slice(i, i + 5000).map((l) => ({ statementId: saved.id, ...l })),
      );
    }
    return saved;
  }

  /** One edition in the reader's scope, with its contract's number; null if not visible. */
  async findInScope(
    id: string,
    scope: StatementScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredStatement | null> {
    const qb = manager
      .createQueryBuilder(BillingStatement, 's')
      .innerJoinAndSelect('s.contract', 'c')
      .where('s.id = :id', { id });
    if ('jobcenterId' in scope) qb.andWhere('s.jobcenter_id = :org', { org: scope.jobcenterId });
    else qb.andWhere('s.provider_id = :org', { org: scope.providerId });
    const statement = await qb.getOne();
    if (!statement?.contract) return null;
    const lineCount = await manager.countBy(BillingStatementLine, { statementId: statement.id });
    return { statement, contractNumber: statement.contract.number, lineCount };
  }

  /** The editions of the contract's month, the first first, with their line counts. */
  async listOfMonth(contractId: string, month: string): Promise<StoredStatement[]> {
    const statements = await this.dataSource.manager
      .createQueryBuilder(BillingStatement, 's')
      .innerJoinAndSelect('s.contract', 'c')
      .where('s.contract_id = :contractId AND s.month = CAST(:month AS date)', {
        contractId,
        month,
      })
      .orderBy('s.edition', 'ASC')
      .getMany();
    const counts = await this.lineCounts(statements.map((s) => s.id));
    return statements.map((statement) => ({
      statement,
      contractNumber: statement.contract!.number,
      lineCount: counts.get(statement.id) ?? 0,
    }));
  }

  /** The edition's lines, by unit and referral id. */
  lines(
    statementId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StatementLine[]> {
    return manager
      .createQueryBuilder(BillingStatementLine, 'l')
      .select(['l.referralId', 'l.unit', 'l.unitPriceCents'])
      .where('l.statement_id = :statementId', { statementId })
      .orderBy('l.unit', 'ASC')
      .addOrderBy('l.referral_id', 'ASC')
      .getMany()
      .then((rows) =>
        rows.map((r) => ({
          referralId: r.referralId,
          unit: r.unit,
          unitPriceCents: r.unitPriceCents,
        })),
      );
  }

  private async lineCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; n: number }[]>(
      `SELECT statement_id AS id, count(*)::int AS n FROM billing_statement_lines
        WHERE statement_id = ANY($1::uuid[]) GROUP BY statement_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}
