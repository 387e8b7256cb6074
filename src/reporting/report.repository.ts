import { Injectable } from '@nestjs/common';
import { pooledQueryOf } from '../common/database/pooled-query';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { updateAtVersion } from '../common/concurrency/update-at-version';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { DataCategory } from '../confidentiality/data-category';
import { reportReadStatement, type ReportReader, type ReportReadRow } from './report-read';
import { ReportSection } from './report-section.entity';
import { Report, ReportStatus } from './report.entity';

/** A report with its sections of the readable categories and the id of its correction. */
export interface LoadedReport {
  report: Report;
  sections: ReportSection[];
  supersededById: string | null;
}

interface LoadRow {
  reportId: string;
  supersededById: string | null;
  /** Null, with the fields below, for a report without a readable section. */
  id: string | null;
  position: number;
  category: DataCategory;
  text: string;
  fields: Record<string, unknown> | null;
}

function toSection(row: LoadRow): ReportSection {
  return Object.assign(new ReportSection(), {
    id: row.id,
    reportId: row.reportId,
    position: row.position,
    category: row.category,
    text: row.text,
    fields: row.fields,
  });
}

@Injectable()
export class ReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The report as `reader` may read it, its disclosure audited, in one statement (report-read.ts);
   * undefined when there is no such report.
   */
  async read(reader: ReportReader, id: string): Promise<ReportReadRow | undefined> {
    const { text, params } = reportReadStatement(reader, id);
    const [row] = await pooledQueryOf(this.dataSource)<ReportReadRow[]>(text, params);
    return row;
  }

  findById(manager: EntityManager, id: string): Promise<Report | null> {
    return manager.findOneBy(Report, { id });
  }

  /**
   * The sections of the given categories only: a section the reader may not read never leaves
   * the database. One statement for the sections and the corrections (a round trip fewer on
   * every report read), mapped by hand: no entity hydration on this hot path.
   */
  async load(
    manager: EntityManager,
    reports: Report[],
    categories: readonly DataCategory[],
  ): Promise<LoadedReport[]> {
    if (reports.length === 0) return [];
    const rows = await manager.query<LoadRow[]>(
      `SELECT r.id AS "reportId",
              (SELECT c.id FROM reports c
                WHERE c.corrects_id = r.id AND c.status = 'submitted') AS "supersededById",
              s.id, s.position, s.category, s.text, s.fields
         FROM unnest($1::uuid[]) AS r(id)
         LEFT JOIN report_sections s
           ON s.report_id = r.id AND s.category = ANY($2::data_category[])
        ORDER BY r.id, s.position`,
      [reports.map((r) => r.id), categories],
    );
    return reports.map((report) => {
      const own = rows.filter((row) => row.reportId === report.id);
      return {
        report,
        sections: own.filter((row) => row.id !== null).map(toSection),
        supersededById: own[0]?.supersededById ?? null,
      };
    });
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
