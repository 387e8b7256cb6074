import { Injectable } from '@nestjs/common';
import { pooledQueryOf } from '../common/database/pooled-query';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { DisclosureAudit } from '../audit/disclosure-audit.service';
import { EVERYTHING, type Readable } from '../confidentiality/content-category';
import { DataCategory } from '../confidentiality/data-category';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import type { Activity } from './activity.entity';
import type { CreateActivityDto } from './dto/activity.dto';
import { ReferralNotActive } from './referral-errors';
import { ReferralRepository } from './referral.repository';
import { referralScopeOf } from '../confidentiality/case-access';
import { ReferralsService } from './referrals.service';
import { activityCreateStatement, activityOf, type ActivityCreateRow } from './activity-create';
import { auditActorOf } from '../auth/actor';
import { ProcessingRestricted } from '../confidentiality/restriction';

/** Clocks differ: an activity may be stamped up to five minutes ahead of the server. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Outreach contacts and attempts, logged by the provider while it works a referral. They are
 * participation content: the jobcenter reads them only when the client released participation.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditService,
    private readonly disclosures: DisclosureAudit,
    private readonly referralsService: ReferralsService,
  ) {}

  /** Only the provider logs activities; it reads all of its own content. */
  async create(
    actor: Actor,
    referralId: string,
    dto: CreateActivityDto,
  ): Promise<{ activity: Activity; readable: Readable }> {
    const scope = referralScopeOf(actor);
    if (scope.kind !== 'provider') throw new ResourceNotFound('referral');
    const occurredAt = new Date(dto.occurredAt);
    if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new RequestValidationError([
        { field: 'occurredAt', messages: ['occurredAt must not be in the future'] },
      ]);
    }
    const { text, params } = activityCreateStatement(
      scope,
      {
        referralId,
        authorOrganisationId: actor.organisationId,
        kind: dto.kind,
        occurredAt,
        durationMinutes: dto.durationMinutes ?? null,
        reached: dto.reached,
        note: dto.note ?? null,
        recordedByKind: actor.kind,
        recordedById: actor.kind === 'user' ? actor.userId : actor.apiKeyId,
      },
      {
        ...auditActorOf(actor),
        requestId: actor.requestId,
        action: AuditAction.ActivityCreate,
        outcome: 'success',
        resourceType: 'activity',
      },
    );
    // One statement: one snapshot and one atomic commit, no transaction around it.
    const [row] = await pooledQueryOf(this.dataSource)<ActivityCreateRow[]>(text, params);
    if (!row) throw new ResourceNotFound('referral');
    if (row.restricted) throw new ProcessingRestricted('referral');
    if (row.id === null) throw new ReferralNotActive();
    if (row.audited) {
      this.audit.wrote({ action: AuditAction.ActivityCreate, outcome: 'success', ...row.audited });
    }
    return { activity: activityOf({ ...row, id: row.id }), readable: EVERYTHING };
  }

  /**
   * The referral's activities as the reader may see them: all of them for the provider that
   * wrote them; for the jobcenter only what the client released to it now, decided and read in
   * one snapshot, the disclosure audited in the same transaction.
   */
  async list(
    actor: Actor,
    referralId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ page: Page<Activity>; readable: Readable }> {
    const scope = referralScopeOf(actor);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const referral = await this.referrals.findVisible(scope, referralId, manager);
      if (!referral) throw new ResourceNotFound('referral');
      const readable =
        scope.kind === 'provider'
          ? EVERYTHING
          : await this.referralsService.readableFor(manager, actor, referral);
      const categories = Object.values(DataCategory).filter((c) => readable.has(c));
      const result = await this.referrals.listActivities(manager, referralId, categories, page);
      if (scope.kind === 'jobcenter') {
        const categories = [...new Set(result.items.map((a) => a.category))];
        await this.disclosures.caseContent(manager, actor, referral, categories, {
          activities: result.items.length,
        });
      }
      return { page: result, readable };
    });
  }
}
