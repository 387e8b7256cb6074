import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../src/auth/actor';
import { DataCategory } from '../../src/confidentiality/data-category';
import type { CreateReportDto } from '../../src/reporting/dto/create-report.dto';
import type { ReportDto } from '../../src/reporting/dto/report.dto';
import { ReportKind } from '../../src/reporting/report.entity';
import { ReportsService } from '../../src/reporting/reports.service';
import { ReferralState } from '../../src/common/referral-states';
import type { Referral } from '../../src/referrals/referral.entity';
import { createClient } from './clients';
import { createApprovedTemplate } from './consent';
import { referralInState, type ReferralWorld } from './referrals';

/** A valid body for POST /referrals/{id}/reports: an interim report of November 2026. */
export function reportBody(overrides: Partial<CreateReportDto> = {}): CreateReportDto {
  return {
    kind: ReportKind.Interim,
    periodFrom: '2026-11-01',
    periodUntil: '2026-11-30',
    sections: [{ category: DataCategory.Participation, text: 'Zwei Hausbesuche.' }],
    ...overrides,
  };
}

/** A draft report through the service, as `actor` (e.g. the assigned provider worker). */
export async function draftReport(
  app: INestApplication,
  actor: Actor,
  referralId: string,
  overrides: Partial<CreateReportDto> = {},
): Promise<ReportDto & { version: number }> {
  const { body, headers } = await app
    .get(ReportsService)
    .create(actor, referralId, reportBody(overrides));
  return { ...body, version: Number(JSON.parse(headers.ETag)) };
}

/** A submitted report through the service: drafted and submitted by `actor`. */
export async function submittedReport(
  app: INestApplication,
  actor: Actor,
  referralId: string,
  overrides: Partial<CreateReportDto> = {},
): Promise<{ id: string; version: number }> {
  const draft = await draftReport(app, actor, referralId, overrides);
  const { loaded } = await app.get(ReportsService).submit(actor, draft.id, draft.version);
  const { report } = loaded;
  return { id: report.id, version: report.version };
}

/**
 * A fresh client of A with a referral to P1 in the given state (default: in progress,
 * assigned to P1's worker), so that each test starts without reports or consents.
 */
export async function workedReferral(
  app: INestApplication,
  world: ReferralWorld,
  state: ReferralState = ReferralState.InProgress,
  overrides: Partial<Referral> = {},
): Promise<Referral> {
  const client = await createClient(app, { jobcenterId: world.jobcenterA });
  return referralInState(app, world, state, { clientId: client.id, ...overrides });
}

export interface GrantSpec {
  category: DataCategory;
  recipientOrganisationId: string;
  /** Revoked this many seconds before the database's now; absent: in force. */
  revokedSecondsAgo?: number;
}

/**
 * A consent record with its grants, written straight to the tables. Times are offsets in
 * seconds from the database's now(), so that they never depend on the test machine's clock:
 * by default recorded and valid since a day ago, open-ended.
 */
export async function insertConsent(
  app: INestApplication,
  input: {
    clientId: string;
    referralId: string;
    releasingOrganisationId: string;
    recordedBy: string;
    grants: GrantSpec[];
    recordedOffset?: number;
    validFromOffset?: number;
    /** Exclusive end; null or absent: open-ended. */
    validUntilOffset?: number | null;
    supersedesId?: string;
  },
): Promise<{ consentId: string; grantIds: string[] }> {
  const db = app.get(DataSource);
  const template = await createApprovedTemplate(app, input.releasingOrganisationId);
  const [record] = await db.query<{ id: string }[]>(
    `INSERT INTO consent_records
       (client_id, releasing_organisation_id, referral_id, template_id, valid_from, valid_until,
        evidence_form, given_on, recorded_by, recorded_at, supersedes_id)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), now() + make_interval(secs => $6),
             'written', current_date - 2, $7, now() + make_interval(secs => $8), $9)
     RETURNING id`,
    [
      input.clientId,
      input.releasingOrganisationId,
      input.referralId,
      template.id,
      input.validFromOffset ?? -86_400,
      input.validUntilOffset ?? null,
      input.recordedBy,
      input.recordedOffset ?? -86_400,
      input.supersedesId ?? null,
    ],
  );
  const grantIds: string[] = [];
  for (const grant of input.grants) {
    const revoked = grant.revokedSecondsAgo !== undefined;
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO consent_grants (consent_id, category, recipient_organisation_id, revoked_at, revoked_by)
       VALUES ($1, $2, $3, now() - make_interval(secs => $4), $5)
       RETURNING id`,
      [
        record.id,
        grant.category,
        grant.recipientOrganisationId,
        revoked ? grant.revokedSecondsAgo : null,
        revoked ? input.recordedBy : null,
      ],
    );
    grantIds.push(row.id);
  }
  return { consentId: record.id, grantIds };
}
