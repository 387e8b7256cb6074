import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { DataCategory } from '../confidentiality/data-category';
import { ConsentTemplate } from './consent-template.entity';

export interface ConsentTemplateFilter {
  key?: string;
  approved?: boolean;
}

/** Consent templates, always read within one organisation: another's are missing ones. */
@Injectable()
export class ConsentTemplateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOwned(
    organisationId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsentTemplate | null> {
    return manager.findOneBy(ConsentTemplate, { id, organisationId });
  }

  /** The next version of the key is computed in the INSERT itself; the unique index guards it. */
  async insertNextVersion(
    manager: EntityManager,
    template: {
      organisationId: string;
      key: string;
      title: string;
      body: string;
      categories: DataCategory[];
      createdBy: string;
    },
  ): Promise<ConsentTemplate> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO consent_templates (organisation_id, key, version, title, body, categories, created_by)
       SELECT $1::uuid, $2::varchar, COALESCE(MAX(version), 0) + 1, $3, $4, $5::data_category[], $6
         FROM consent_templates WHERE organisation_id = $1::uuid AND key = $2::varchar
       RETURNING id`,
      [
        template.organisationId,
        template.key,
        template.title,
        template.body,
        template.categories,
        template.createdBy,
      ],
    );
    return manager.findOneByOrFail(ConsentTemplate, { id: row.id });
  }

  /** Approves the template if it is the organisation's and unapproved; false otherwise. */
  async approve(
    manager: EntityManager,
    organisationId: string,
    id: string,
    approvedBy: string,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ConsentTemplate)
      .set({ approvedBy, approvedAt: () => "date_trunc('milliseconds', now())" })
      .where('id = :id AND organisation_id = :organisationId AND approved_at IS NULL', {
        id,
        organisationId,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The organisation's templates, newest first. */
  list(
    organisationId: string,
    filter: ConsentTemplateFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ConsentTemplate>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ConsentTemplate, 't')
      .where('t.organisation_id = :organisationId', { organisationId });
    if (filter.key) qb.andWhere('t.key = :key', { key: filter.key });
    if (filter.approved !== undefined) {
      qb.andWhere(filter.approved ? 't.approved_at IS NOT NULL' : 't.approved_at IS NULL');
    }
    return fetchKeysetPage(
      qb,
      {
        list: 'consent-templates-by-creation',
        keys: [
          { column: 't.created_at', value: (t) => t.createdAt.toISOString() },
          { column: 't.id', value: (t) => t.id },
        ],
        direction: 'DESC',
      },
      page,
    );
  }
}
