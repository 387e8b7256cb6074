import { Outbox } from '../events/outbox.service';
import { EventSubject, EventType } from '../events/event-types';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { DisclosureAudit } from '../audit/disclosure-audit.service';
import { etagOf, PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { EVERYTHING, type Readable } from '../confidentiality/content-category';
import { DataCategory } from '../confidentiality/data-category';
import { disclose } from '../confidentiality/disclosure';
import { PROVIDER_AFTERCARE_DAYS } from '../confidentiality/case-access';
import { CaseAccess } from '../confidentiality/case-access.service';
import { referralScopeOf } from '../confidentiality/case-access';
import { ProcessingRestricted } from '../confidentiality/restriction';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { IdempotencyService, type IdempotentResult } from '../idempotency/idempotency.service';
import { OrganisationKind } from '../common/organisation-kind';
import { ACTIVE_STATES } from '../common/referral-states';
import type { Referral } from '../referrals/referral.entity';
import { ReferralsService } from '../referrals/referrals.service';
import type {
  CreateReportDto,
  ReportSectionInputDto,
  UpdateReportDto,
} from './dto/create-report.dto';
import { ReportDto } from './dto/report.dto';
import { sectionFieldErrors } from './report-fields';
import { loadedReportOf } from './report-read';
import { ReportRepository, type LoadedReport } from './report.repository';
import { Report, ReportKind, ReportStatus } from './report.entity';
import {
  InvalidReportPeriod,
  ReportAlreadyCorrected,
  ReportNotAllowedNow,
  ReportSubmitted,
} from './reporting-errors';
import { toReportDto } from './reporting.mappers';

const ALL_CATEGORIES = Object.values(DataCategory);

/** A report as one reader reads it: with the categories of its content that reader may read. */
export interface ReportRead {
  loaded: LoadedReport;
  readable: Readable;
}

function categoriesOf(readable: Readable): DataCategory[] {
  return ALL_CATEGORIES.filter((c) => readable.has(c));
}

function validateContent(dto: {
  periodFrom?: string;
  periodUntil?: string;
  sections?: ReportSectionInputDto[];
}): void {
  if (dto.periodFrom && dto.periodUntil && dto.periodUntil < dto.periodFrom) {
    throw new InvalidReportPeriod();
  }
  const errors = (dto.sections ?? []).flatMap((s, i) =>
    sectionFieldErrors(s.category, s.fields, `sections.${i}.fields`),
  );
  if (errors.length > 0) throw new RequestValidationError(errors);
}

/**
 * Provider reports. The provider drafts and submits; the jobcenter reads submitted reports with
 * only the sections the client releases to it at the time of reading, filtered in the query,
 * checked again at output, and audited in the same transaction.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly referrals: ReferralsService,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly disclosures: DisclosureAudit,
    private readonly idempotency: IdempotencyService,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Drafts a report (or a correction of a submitted one). With an Idempotency-Key, a retry gets
   * the first answer and nothing is created twice.
   */
  async create(
    actor: Actor,
    referralId: string,
    dto: CreateReportDto,
    idempotencyKey?: string,
  ): Promise<IdempotentResult<ReportDto>> {
    this.assertProvider(actor);
    validateContent(dto);
    return this.idempotency.runIfKeyed(
      {
        organisationId: actor.organisationId,
        key: idempotencyKey,
        route: `POST /referrals/${referralId}/reports`,
        body: dto,
      },
      // Keys belong to the organisation, and a replay skips the work: the caller must see the
      // referral now (an unassigned worker of the same provider must not get the answer).
      async () => {
        if (!(await this.referrals.findVisibleTo(actor, referralId))) {
          throw new ResourceNotFound('referral');
        }
      },
      (manager) => this.createIn(manager, actor, referralId, dto),
    );
  }

  /**
   * One statement (report-read.ts, docs/architecture/0024): the report, its referral in the
   * caller's scope and its client's restriction, the consent in force, the readable sections,
   * and for a reader other than the provider the disclosure event, in one snapshot and commit.
   */
  async get(actor: Actor, id: string): Promise<ReportRead> {
    const scope = referralScopeOf(actor);
    const author = actor.organisationKind === OrganisationKind.Provider;
    const row = await this.reports.read(
      {
        name: `report_read_${scope.kind === 'provider' && scope.workerId ? 'worker' : scope.kind}`,
        scope,
        organisationId: actor.organisationId,
        disclosure: author ? null : this.disclosures.caseContentEntry(actor),
      },
      id,
    );
    if (!row?.visible) throw new ResourceNotFound('report');
    if (row.restricted) throw new ProcessingRestricted('referral');
    if (row.id === null) throw new ResourceNotFound('report');
    const loaded = loadedReportOf({ ...row, id: row.id });
    if (row.audited) this.disclosures.wroteCaseContent(row.audited);
    const readable: Readable = row.own ? EVERYTHING : new Set(row.readable ?? []);
    return { loaded, readable };
  }

  async list(
    actor: Actor,
    referralId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ page: Page<LoadedReport>; readable: Readable }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const referral = await this.referrals.findVisibleTo(actor, referralId, manager);
      if (!referral) throw new ResourceNotFound('referral');
      const author = actor.organisationKind === OrganisationKind.Provider;
      const reports = await this.reports.listForReferral(manager, referralId, !author, page);
      const readable = author
        ? EVERYTHING
        : await this.referrals.readableFor(manager, actor, referral);
      const loaded = await this.reports.load(manager, reports.items, categoriesOf(readable));
      await this.recordDisclosure(manager, actor, referral, loaded);
      return { page: { items: loaded, nextCursor: reports.nextCursor }, readable };
    });
  }

  /** Only the author changes a draft, and reads all of it. */
  async update(
    actor: Actor,
    id: string,
    version: number,
    dto: UpdateReportDto,
  ): Promise<ReportRead> {
    this.assertProvider(actor);
    validateContent(dto);
    return this.dataSource.transaction(async (manager) => {
      const { report } = await this.visible(manager, actor, id);
      if (report.version !== version) throw new PreconditionFailed();
      if (report.status !== ReportStatus.Draft) throw new ReportSubmitted();
      const periodFrom = dto.periodFrom ?? report.periodFrom;
      const periodUntil = dto.periodUntil ?? report.periodUntil;
      if (periodUntil < periodFrom) throw new InvalidReportPeriod();
      const patch = { kind: dto.kind ?? report.kind, periodFrom, periodUntil };
      if (!(await this.reports.updateAtVersion(manager, id, version, patch))) {
        throw new PreconditionFailed();
      }
      if (dto.sections) await this.reports.replaceSections(manager, id, dto.sections);
      await this.recordChange(manager, actor, AuditAction.ReportUpdate, report);
      return { loaded: await this.reload(manager, id), readable: EVERYTHING };
    });
  }

  /**
   * Makes the report immutable; a final report also up to 30 days after the referral closed.
   * The author submits, and reads all of it.
   */
  async submit(actor: Actor, id: string, version: number): Promise<ReportRead> {
    this.assertProvider(actor);
    return this.dataSource.transaction(async (manager) => {
      const { report, referral } = await this.visible(manager, actor, id);
      if (report.version !== version) throw new PreconditionFailed();
      if (report.status !== ReportStatus.Draft) throw new ReportSubmitted();
      this.assertReportable(referral, report.kind);
      const patch = { status: ReportStatus.Submitted, submittedAt: new Date() };
      if (!(await this.reports.updateAtVersion(manager, id, version, patch))) {
        throw new PreconditionFailed();
      }
      const loaded = await this.reload(manager, id);
      await this.recordChange(manager, actor, AuditAction.ReportSubmit, report, loaded);
      await this.outbox.enqueue(manager, {
        type: report.correctsId ? EventType.ReportCorrected : EventType.ReportSubmitted,
        recipients: [referral.jobcenterId, referral.providerId],
        subject: { type: EventSubject.Report, id },
        referralId: referral.id,
      });
      return { loaded, readable: EVERYTHING };
    });
  }

  /**
   * The report as the organisation `recipientId` would read it now, once submitted: the
   * provider checks before submitting. An organisation that could not read the report at all
   * (it holds no referral of the case) gets 404, here as there.
   */
  async preview(actor: Actor, id: string, recipientId: string): Promise<ReportRead> {
    this.assertProvider(actor);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { report, referral } = await this.visible(manager, actor, id);
      if (!this.access.isPartyTo(recipientId, referral)) throw new ResourceNotFound('report');
      const readable = await this.access.readable(manager, {
        readerOrganisationId: recipientId,
        authorOrganisationId: report.authorOrganisationId,
        clientId: report.clientId,
        referralId: report.referralId,
      });
      const [loaded] = await this.reports.load(manager, [report], categoriesOf(readable));
      return { loaded, readable };
    });
  }

  private async createIn(
    manager: EntityManager,
    actor: Actor,
    referralId: string,
    dto: CreateReportDto,
  ): Promise<IdempotentResult<ReportDto>> {
    const referral = await this.referrals.findVisibleTo(actor, referralId, manager);
    if (!referral) throw new ResourceNotFound('referral');
    this.assertReportable(referral, dto.kind);
    let edition = 1;
    if (dto.correctsId) {
      const corrected = await this.reports.findById(manager, dto.correctsId);
      if (!corrected || corrected.referralId !== referralId) throw new ResourceNotFound('report');
      if (corrected.status !== ReportStatus.Submitted) {
        throw new RequestValidationError([
          { field: 'correctsId', messages: ['only a submitted report can be corrected'] },
        ]);
      }
      edition = corrected.edition + 1;
    }
    const report = await this.reports
      .insert(manager, {
        referralId,
        clientId: referral.clientId,
        authorOrganisationId: referral.providerId,
        kind: dto.kind,
        periodFrom: dto.periodFrom,
        periodUntil: dto.periodUntil,
        edition,
        correctsId: dto.correctsId ?? null,
        createdByKind: actor.kind,
        createdById: actor.kind === 'user' ? actor.userId : actor.apiKeyId,
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'reports_corrects_id_key')
          ? new ReportAlreadyCorrected()
          : error;
      });
    await this.reports.replaceSections(manager, report.id, dto.sections);
    const loaded = await this.reload(manager, report.id);
    await this.recordChange(manager, actor, AuditAction.ReportCreate, report, loaded);
    return {
      status: 201,
      body: disclose(ReportDto, toReportDto(loaded, EVERYTHING), EVERYTHING) as ReportDto,
      headers: { Location: `/api/v1/reports/${report.id}`, ETag: etagOf(loaded.report.version) },
    };
  }

  private async reload(manager: EntityManager, id: string): Promise<LoadedReport> {
    const report = await this.reports.findById(manager, id);
    if (!report) throw new ResourceNotFound('report');
    const [loaded] = await this.reports.load(manager, [report], ALL_CATEGORIES);
    return loaded;
  }

  /** The report and its referral, if the actor may see both; others' drafts do not exist. */
  private async visible(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ report: Report; referral: Referral }> {
    const report = await this.reports.findById(manager, id);
    const referral = report
      ? await this.referrals.findVisibleTo(actor, report.referralId, manager)
      : null;
    const author = actor.organisationKind === OrganisationKind.Provider;
    if (!report || !referral || (!author && report.status !== ReportStatus.Submitted)) {
      throw new ResourceNotFound('report');
    }
    return { report, referral };
  }

  private assertProvider(actor: Actor): void {
    if (actor.organisationKind !== OrganisationKind.Provider)
      throw new ResourceNotFound('referral');
  }

  /** Initial and interim reports while the case is worked; a final one also 30 days after. */
  private assertReportable(referral: Referral, kind: ReportKind): void {
    if (!referral.acceptedAt) {
      throw new ReportNotAllowedNow('The referral was never accepted: there is nothing to report.');
    }
    if (ACTIVE_STATES.includes(referral.state)) return;
    const closedDaysAgo = (Date.now() - (referral.closedAt?.getTime() ?? 0)) / 86_400_000;
    if (kind !== ReportKind.Final || closedDaysAgo > PROVIDER_AFTERCARE_DAYS) {
      throw new ReportNotAllowedNow(
        `The referral is closed: only a final report, within ${PROVIDER_AFTERCARE_DAYS} days of closing.`,
      );
    }
  }

  /** Disclosure to a non-author: one audit event naming the categories actually shown. */
  private async recordDisclosure(
    manager: EntityManager,
    actor: Actor,
    referral: Referral,
    loaded: LoadedReport[],
  ): Promise<void> {
    if (actor.organisationKind === OrganisationKind.Provider) return;
    const categories = [...new Set(loaded.flatMap((l) => l.sections.map((s) => s.category)))];
    await this.disclosures.caseContent(manager, actor, referral, categories, {
      reports: loaded.filter((l) => l.sections.length > 0).length,
    });
  }

  private async recordChange(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    report: Report,
    loaded?: LoadedReport,
  ): Promise<void> {
    await this.audit.recordBy(manager, actor, {
      action,
      outcome: 'success',
      resourceType: 'report',
      resourceId: report.id,
      clientId: report.clientId,
      details: {
        referralId: report.referralId,
        ...(loaded
          ? { sectionCategories: [...new Set(loaded.sections.map((s) => s.category))].sort() }
          : {}),
      },
    });
  }
}
