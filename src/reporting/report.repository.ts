import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { updateAtVersion } from '../common/concurrency/update-at-version';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { DataCategory } from '../confidentiality/data-category';
import { ReportSection } from './report-section.entity';
import { Report, ReportStatus } from './report.entity';

/** A report with its sections of the readable categories and the id of its correction. */
export interface LoadedReport {
  report: Report;
  sections: ReportSection[];
  supersededById: string | null;
}

@Injectable()
export class ReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(manager: EntityManager, id: string): Promise<Report | null> {
    return manager.findOneBy(Report, { id });
  }

  /**
   * The sections of the given categories only: a section the reader may not read never leaves
   * the database.
   */
  async load(
    manager: EntityManager,
    reports: Report[],
    categories: readonly DataCategory[],
  ): Promise<LoadedReport[]> {
    if (reports.length === 0) return [];
    const ids = reports.map((r) => r.id);
    const sections = await manager
      .createQueryBuilder(ReportSection, 's')
      .where('s.report_id = ANY(:ids::uuid[])', { ids })
      .andWhere('s.category = ANY(:categories::data_category[])', { categories })
      .orderBy('s.report_id')
      .addOrderBy('s.position')
      .getMany();
    const corrections = await manager.query<{ id: string; correctsId: string }[]>(
      `SELECT id, corrects_id AS "correctsId" FROM reports
        WHERE corrects_id = ANY($1::uuid[]) AND status = 'submitted'`,
      [ids],
    );
    return reports.map((report) => ({
      report,
      sections: sections.filter((s) => s.reportId === report.id),
      supersededById: corrections.find((c) => c.correctsId === report.id)?.id ?? null,
    }));
  }

  /** A referral's reports, newest first; `submittedOnly` for readers other than the author. */
  listForReferral(
    manager: EntityManager,
    referralId: string,
    submittedOnly: boolean,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Report>> {
    const qb = manager
      .createQueryBuilder(Report, 'r')
      .where('r.referral_id = :referralId', { referralId });
    if (submittedOnly) qb.andWhere('r.status = :status', { status: ReportStatus.Submitted });
    return fetchKeysetPage(
      qb,
      {
        list: 'reports-by-creation',
        keys: [
          { column: 'r.created_at', value: (r) => r.createdAt.toISOString() },
          { column: 'r.id', value: (r) => r.id },
        ],
        direction: 'DESC',
      },
      page,
    );
  }

  insert(manager: EntityManager, report: Partial<Report>): Promise<Report> {
    return manager.save(Report, manager.create(Report, report));
  }

  async replaceSections(
    manager: EntityManager,
    reportId: string,
    sections: { category: DataCategory; text: string; fields?: Record<string, unknown> | null }[],
  ): Promise<void> {
    await manager.delete(ReportSection, { reportId });
    if (sections.length === 0) return;
    await manager.save(
      ReportSection,
      sections.map((s, position) =>
        manager.create(ReportSection, {
          reportId,
          position,
          category: s.category,
          text: s.text,
          fields: s.fields ?? null,
        }),
      ),
    );
  }

  updateAtVersion(
    manager: EntityManager,
    id: string,
    version: number,
    patch: Partial<Omit<Report, 'id' | 'version'>>,
  ): Promise<boolean> {
    return updateAtVersion(manager, Report, id, version, patch);
  }
}
