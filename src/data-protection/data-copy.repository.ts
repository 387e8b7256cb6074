import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseAccess } from '../confidentiality/case-access.service';
import type { Readable } from '../confidentiality/content-category';
import type { DataCopy, ProviderDataCopy, Row } from './data-copy';

/** The rows of `sql` (parameters: the client's id, then `more`), each as JSON. */
async function rows(
  manager: EntityManager,
  sql: string,
  clientId: string,
  ...more: unknown[]
): Promise<Row[]> {
  const found = await manager.query<{ row: Row }[]>(
    `SELECT row_to_json(t) AS row FROM (${sql}) t`,
    [clientId, ...more],
  );
  return found.map((r) => r.row);
}

/**
 * What a provider holds about a client (`$1`) of its referrals (`$2` the provider), its own
 * records only: of the referrals the facts of its own work (no commissioning text of the
 * jobcenter), its own steps, activities, reports with all their sections, the consents it
 * recorded with their grants.
 */
const PROVIDER_HOLDS = {
  referrals: `SELECT id, state, provider_id, assigned_worker_id, first_contact_at, sent_at,
                     accepted_at, started_at, closed_at, outcome
                FROM referrals WHERE client_id = $1 AND provider_id = $2 AND state <> 'draft'
               ORDER BY created_at, id`,
  history: `SELECT t.* FROM referral_transitions t JOIN referrals f ON f.id = t.referral_id
             WHERE f.client_id = $1 AND f.provider_id = $2 AND t.actor_organisation_id = $2
             ORDER BY t.occurred_at, t.id`,
  activities: `SELECT a.* FROM activities a JOIN referrals f ON f.id = a.referral_id
                WHERE f.client_id = $1 AND a.author_organisation_id = $2
                ORDER BY a.occurred_at, a.id`,
  appointmentAttendances: `SELECT t.* FROM appointment_attendances t
                            JOIN referrals f ON f.id = t.referral_id
                           WHERE f.client_id = $1 AND t.author_organisation_id = $2
                           ORDER BY t.recorded_at, t.appointment_id`,
  reports: `SELECT * FROM reports WHERE client_id = $1 AND author_organisation_id = $2
             ORDER BY created_at, id`,
  reportSections: `SELECT s.* FROM report_sections s JOIN reports r ON r.id = s.report_id
                    WHERE r.client_id = $1 AND r.author_organisation_id = $2
                    ORDER BY s.report_id, s.id`,
  consents: `SELECT * FROM consent_records WHERE client_id = $1 AND releasing_organisation_id = $2
              ORDER BY recorded_at, id`,
  consentGrants: `SELECT g.* FROM consent_grants g JOIN consent_records r ON r.id = g.consent_id
                   WHERE r.client_id = $1 AND r.releasing_organisation_id = $2
                   ORDER BY g.consent_id, g.id`,
} as const;

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

  /** The provider's part (ADR 0020): what `providerId` itself holds about the client. */
  async readProvider(
    manager: EntityManager,
    clientId: string,
    providerId: string,
  ): Promise<Omit<ProviderDataCopy, 'createdAt' | 'disclosures'>> {
    const read = async (sql: string) => rows(manager, sql, clientId, providerId);
    return {
      clientId,
      providerId,
      referrals: await read(PROVIDER_HOLDS.referrals),
      history: await read(PROVIDER_HOLDS.history),
      activities: await read(PROVIDER_HOLDS.activities),
      appointmentAttendances: await read(PROVIDER_HOLDS.appointmentAttendances),
      reports: await read(PROVIDER_HOLDS.reports),
      reportSections: await read(PROVIDER_HOLDS.reportSections),
      consents: await read(PROVIDER_HOLDS.consents),
      consentGrants: await read(PROVIDER_HOLDS.consentGrants),
    };
  }

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

    // The jobcenter's appointments are its own; of the providers' records of accompaniments only
    // those of released participation, without what is provider-internal (ADR 0021).
    const appointmentAttendances: Row[] = [];
    for (const row of await rows(
      manager,
      `SELECT t.* FROM appointment_attendances t JOIN referrals f ON f.id = t.referral_id
        WHERE f.client_id = $1 ORDER BY t.recorded_at, t.appointment_id`,
      clientId,
    )) {
      if (
        (await released(row.referral_id, row.author_organisation_id)).has(row.category as never)
      ) {
        appointmentAttendances.push({ ...row, note: null, recorded_by_id: null });
      }
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
      appointments: await rows(
        manager,
        `SELECT a.* FROM appointments a JOIN referrals f ON f.id = a.referral_id
          WHERE f.client_id = $1 ORDER BY a.starts_at, a.id`,
        clientId,
      ),
      appointmentAttendances,
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
