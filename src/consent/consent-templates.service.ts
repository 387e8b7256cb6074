import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound } from '../common/problem/domain-error';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { TemplateAlreadyApproved } from './consent-errors';
import type { ConsentTemplate } from './consent-template.entity';
import {
  ConsentTemplateRepository,
  type ConsentTemplateFilter,
} from './consent-template.repository';
import type { CreateConsentTemplateDto } from './dto/create-consent-template.dto';

const VERSION_KEY = 'consent_templates_organisation_id_key_version_key';
/**
 * New versions of one key written at once compute the same number and all but one fail on the
 * unique index; the losers try again, seeing the winner's commit. Each round one wins, so this
 * bounds how many authors may write one key at the same moment (in practice: one).
 */
const VERSION_ATTEMPTS = 10;

/**
 * Versioned consent texts of an organisation, written and approved by its data protection
 * officer. Every read is scoped to the caller's organisation: another's template is a 404.
 */
@Injectable()
export class ConsentTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: ConsentTemplateRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: UserActor, dto: CreateConsentTemplateDto): Promise<ConsentTemplate> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const template = await this.templates.insertNextVersion(manager, {
            organisationId: actor.organisationId,
            key: dto.key,
            title: dto.title,
            body: dto.body,
            categories: dto.categories,
            createdBy: actor.userId,
          });
          await this.audit.recordBy(manager, actor, {
            action: AuditAction.ConsentTemplateCreate,
            outcome: 'success',
            resourceType: 'consent_template',
            resourceId: template.id,
            details: {
              key: template.key,
              version: template.version,
              categories: template.categories,
            },
          });
          return template;
        });
      } catch (error) {
        if (attempt >= VERSION_ATTEMPTS || !isUniqueViolation(error, VERSION_KEY)) throw error;
      }
    }
  }

  list(
    actor: Actor,
    filter: ConsentTemplateFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ConsentTemplate>> {
    return this.templates.list(actor.organisationId, filter, page);
  }

  async get(actor: Actor, id: string): Promise<ConsentTemplate> {
    const template = await this.templates.findOwned(actor.organisationId, id);
    if (!template) throw new ResourceNotFound('consent template');
    return template;
  }

  approve(actor: UserActor, id: string): Promise<ConsentTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.templates.findOwned(actor.organisationId, id, manager);
      if (!current) throw new ResourceNotFound('consent template');
      // The conditional UPDATE decides between two approvals at once, not the read above.
      if (!(await this.templates.approve(manager, actor.organisationId, id, actor.userId))) {
        throw new TemplateAlreadyApproved();
      }
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.ConsentTemplateApprove,
        outcome: 'success',
        resourceType: 'consent_template',
        resourceId: id,
        details: { key: current.key, version: current.version },
      });
      const approved = await this.templates.findOwned(actor.organisationId, id, manager);
      if (!approved) throw new ResourceNotFound('consent template');
      return approved;
    });
  }
}
