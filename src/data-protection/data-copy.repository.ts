import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseAccess } from '../confidentiality/case-access.service';
import type { Readable } from '../confidentiality/content-category';
import type { DataCopy, Row } from './data-copy';

/** The rows of `sql` (one parameter, the client's id), each as JSON. */
async function rows(manager: EntityManager, sql: string, clientId: string): Promise<Row[]> {
  const found = await manager.query<{ row: Row }[]>(
    `SELECT row_to_json(t) AS row FROM (${sql}) t`,
    [clientId],
  );
  return found.map((r) => r.row);
}

/**
 * Reads what the owning jobcenter holds about one client for the Art. 15 copy (ADR 0020): every
 * column of its own rows (client record, referrals, its consent records), and of the providers'
 * content exactly what the client released to the jobcenter (submitted report sections and
 * history reasons of released categories), as the disclosure policy decides every other read.
 * The providers' own records (activities, unreleased content, their filing references) are
 * theirs to disclose (ADR 0005); the copy says so. A table home like erasure.
 */
@Injectable()
export class DataCopyRepository {
  constructor(private readonly access: CaseAccess) {}

  async read(
    manager: EntityManager,
    clientId: string,
    jobcenterId: string,
  ): Promise<Omit<DataCopy, 'createdAt' | 'disclosures'>> {
    const [client] = await rows(manager, 'SELECT * FROM clients WHERE id = $1', clientId);
    const readable = new Map<string, Promise<Readable>>();
    /** The categories of `author`'s content of the referral the jobcenter may read now. */
    const released = (referralId: unknown, author: unknown): Promise<Readable> => {
      const key = `${String(referralId)}/${String(author)}`;
      let found = readable.get(key);
      if (!found) {
        found = this.access.readable(manager, {
          readerOrganisationId: jobcenterId,
          authorOrganisationId: String(author),
          clientId,
          referralId: String(referralId),
        });
        readable.set(key, found);
      }
      return found;
    };

    const history: Row[] = [];
    for (const row of await rows(
      manager,
      `SELECT t.* FROM referral_transitions t JOIN referrals f ON f.id = t.referral_id
        WHERE f.client_id = $1 ORDER BY t.occurred_at, t.id`,
      clientId,
    )) {
      const category = row.reason_category as string | null;
      const shown =
        category === null ||
        (await released(row.referral_id, row.actor_organisation_id)).has(category as never);
      history.push(shown ? row : { ...row, reason: null });
    }

    const reports = await rows(
      manager,
      `SELECT * FROM reports WHERE client_id = $1
          AND (status = 'submitted' OR author_organisation_id = (SELECT jobcenter_id FROM clients WHERE id = $1))
        ORDER BY created_at, id`,
      clientId,
    );
    const reportSections: Row[] = [];
    for (const report of reports) {
      const sections = await manager.query<{ row: Row }[]>(
        'SELECT row_to_json(s) AS row FROM report_sections s WHERE s.report_id = $1 ORDER BY s.id',
        [report.id],
      );
      const categories = await released(report.referral_id, report.author_organisation_id);
      reportSections.push(
        ...sections.map((s) => s.row).filter((s) => categories.has(s.category as never)),
      );
    }

    const consents = (
      await rows(
        manager,
        'SELECT * FROM consent_records WHERE client_id = $1 ORDER BY recorded_at, id',
        clientId,
      )
    ).map((c) =>
      c.releasing_organisation_id === jobcenterId ? c : { ...c, document_reference: null },
    );

    return {
      clientId,
      client,
      referrals: await rows(
        manager,
        'SELECT * FROM referrals WHERE client_id = $1 ORDER BY created_at, id',
        clientId,
      ),
      history,
      reports,
      reportSections,
      consents,
      consentGrants: await rows(
        manager,
        `SELECT * FROM consent_grants
          WHERE consent_id IN (SELECT id FROM consent_records WHERE client_id = $1)
          ORDER BY consent_id, id`,
        clientId,
      ),
    };
  }
}
