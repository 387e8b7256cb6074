import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { todayInGermany } from '../common/calendar';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { OrganisationKind } from '../common/organisation-kind';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { BillingUnit } from '../providers/billing-unit';
import type { BillingTerm, ContractWithNames } from '../providers/contract.entity';
import { ContractsService } from '../providers/contracts.service';
import { activeReferralsUnderContract, referralsUnderContract } from '../referrals/referrals.sql';
import { firstInitialReportsSubmitted } from '../reporting/reporting.sql';
import { MonthNotBillable, NoBillingTerms, StatementEditionConflict } from './billing-errors';
import {
  formatEuros,
  isClosed,
  monthSpan,
  overlapsValidity,
  totalsOf,
  type MonthSpan,
  type StatementLine,
} from './billing-rules';
import type { CreateStatementDto } from './dto/create-statement.dto';
import { MAX_EDITIONS, type StatementDto, type StatementSummaryDto } from './dto/statement.dto';
import {
  StatementRepository,
  type StatementScope,
  type StoredStatement,
} from './statement.repository';

/** A jobcenter reads its own contracts' statements, a provider those it issued. */
function readScopeOf(actor: Actor): StatementScope | null {
  switch (actor.organisationKind) {
    case OrganisationKind.Jobcenter:
      return { jobcenterId: actor.organisationId };
    case OrganisationKind.Provider:
      return { providerId: actor.organisationId };
    default:
      return null;
  }
}

const lineKey = (l: { referralId: string; unit: BillingUnit }) => `${l.referralId}|${l.unit}`;

/**
 * Billing statements (ADR 0023): per contract and month, the provider's lead generates an
 * edition from the contract's terms and the world's events; both parties' leads read every
 * edition. A statement carries referral ids and billable units only, each unit a fact the
 * jobcenter sees whatever the client released.
 */
@Injectable()
export class StatementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statements: StatementRepository,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The month's next edition for the provider's own contract. `now` is the clock (the month
   * must have ended by it).
   */
  async generate(
    actor: Actor,
    contractId: string,
    dto: CreateStatementDto,
    now: Date = new Date(),
  ): Promise<StatementDto> {
    if (actor.organisationKind !== OrganisationKind.Provider) {
      throw new ResourceNotFound('contract');
    }
    const contract = await this.contracts.get(actor, contractId);
    const span = monthSpan(dto.month);
    if (!isClosed(span, todayInGermany(now))) throw new MonthNotBillable(dto.month, 'not-closed');
    if (!overlapsValidity(span, contract.validFrom, contract.validUntil)) {
      throw new MonthNotBillable(dto.month, 'outside-contract');
    }
    if (contract.billingTerms.length === 0) throw new NoBillingTerms();
    const id = await this.dataSource
      .transaction(async (manager) => {
        const edition = (await this.statements.lastEdition(manager, contract.id, span.from)) + 1;
        assertCorrection(edition, dto);
        const billable = await this.billableLines(manager, contract, span);
        const lines = withoutExcluded(billable, dto.exclude ?? []);
        const { totalCents } = totalsOf(lines);
        const saved = await this.statements.insert(
          manager,
          {
            contractId: contract.id,
            jobcenterId: contract.jobcenterId,
            providerId: contract.providerId,
            month: span.from,
            edition,
            correctionReason: dto.correctionReason ?? null,
            totalCents: totalCents.toString(),
            createdById: actor.kind === 'user' ? actor.userId : actor.apiKeyId,
          },
          lines,
        );
        await this.audit.recordBy(manager, actor, {
          action: AuditAction.BillingStatementCreate,
          outcome: 'success',
          resourceType: 'billing_statement',
          resourceId: saved.id,
          details: {
            contractId: contract.id,
            month: dto.month,
            edition,
            lines: lines.length,
            excluded: billable.length - lines.length,
            totalCents: totalCents.toString(),
            ...(dto.correctionReason ? { correctionReason: dto.correctionReason } : {}),
          },
        });
        return saved.id;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'billing_statements_contract_id_month_edition_key')
          ? new StatementEditionConflict()
          : error;
      });
    return this.get(actor, id);
  }

  /** The editions of the contract's month, for either party's lead. */
  async listOfMonth(
    actor: Actor,
    contractId: string,
    month: string,
  ): Promise<StatementSummaryDto[]> {
    const contract = await this.contracts.get(actor, contractId);
    const rows = await this.statements.listOfMonth(contract.id, monthSpan(month).from);
    return rows.map(toSummary);
  }

  /** One edition with its lines, for either party's lead. */
  async get(actor: Actor, id: string): Promise<StatementDto> {
    const scope = readScopeOf(actor);
    const stored = scope ? await this.statements.findInScope(id, scope) : null;
    if (!stored) throw new ResourceNotFound('billing statement');
    const lines = await this.statements.lines(stored.statement.id);
    const { subtotals, totalCents } = totalsOf(lines);
    if (totalCents.toString() !== String(stored.statement.totalCents)) {
      throw new Error(`statement ${id}: the lines do not add up to the stored total`);
    }
    return {
      ...toSummary(stored),
      subtotals: subtotals.map((s) => ({
        unit: s.unit,
        count: s.count,
        unitPriceCents: s.unitPriceCents,
        amountCents: Number(s.amountCents),
        amount: formatEuros(s.amountCents),
      })),
      lines: lines.map((l) => ({
        referralId: l.referralId,
        unit: l.unit,
        unitPriceCents: l.unitPriceCents,
        amount: formatEuros(BigInt(l.unitPriceCents)),
      })),
    };
  }

  /** Every line the contract's terms bill in the month, from the referrals' events. */
  private async billableLines(
    manager: EntityManager,
    contract: ContractWithNames,
    span: MonthSpan,
  ): Promise<StatementLine[]> {
    const lines: StatementLine[] = [];
    for (const term of contract.billingTerms) {
      const ids = await this.referralsBilled(manager, contract.id, term, span);
      lines.push(
        ...ids.map((referralId) => ({
          referralId,
          unit: term.unit,
          unitPriceCents: term.priceCents,
        })),
      );
    }
    return lines;
  }

  private referralsBilled(
    manager: EntityManager,
    contractId: string,
    term: BillingTerm,
    span: MonthSpan,
  ): Promise<string[]> {
    switch (term.unit) {
      case BillingUnit.ActiveCaseMonth:
        return activeReferralsUnderContract(manager, contractId, span.from, span.until);
      case BillingUnit.InitialAssessment:
        return firstInitialReportsSubmitted(
          manager,
          referralsUnderContract('$1'),
          contractId,
          span.from,
          span.until,
        );
    }
  }
}

/** The first edition takes no reason; every correction needs one; at most MAX_EDITIONS. */
function assertCorrection(edition: number, dto: CreateStatementDto): void {
  if (edition > MAX_EDITIONS) {
    throw new RequestValidationError([
      { field: 'month', messages: [`a month has at most ${MAX_EDITIONS} editions`] },
    ]);
  }
  if (edition === 1 && dto.correctionReason !== undefined) {
    throw new RequestValidationError([
      { field: 'correctionReason', messages: ['the first edition of a month corrects nothing'] },
    ]);
  }
  if (edition > 1 && dto.correctionReason === undefined) {
    throw new RequestValidationError([
      {
        field: 'correctionReason',
        messages: [`edition ${edition} corrects edition ${edition - 1}: give a correctionReason`],
      },
    ]);
  }
}

/** The billable lines without the excluded ones; each excluded line must be billable. */
function withoutExcluded(
  billable: StatementLine[],
  exclude: readonly { referralId: string; unit: BillingUnit }[],
): StatementLine[] {
  const known = new Set(billable.map(lineKey));
  const unknown = exclude.findIndex((l) => !known.has(lineKey(l)));
  if (unknown >= 0) {
    throw new RequestValidationError([
      { field: `exclude.${unknown}`, messages: ['not a billable line of this month'] },
    ]);
  }
  const excluded = new Set(exclude.map(lineKey));
  return billable.filter((l) => !excluded.has(lineKey(l)));
}

function toSummary({ statement, contractNumber, lineCount }: StoredStatement): StatementSummaryDto {
  const totalCents = BigInt(statement.totalCents);
  return {
    id: statement.id,
    contractId: statement.contractId,
    contractNumber,
    jobcenterId: statement.jobcenterId,
    providerId: statement.providerId,
    month: statement.month.slice(0, 7),
    edition: statement.edition,
    correctionReason: statement.correctionReason,
    lineCount,
    totalCents: Number(totalCents),
    total: formatEuros(totalCents),
    createdAt: statement.createdAt,
  };
}
