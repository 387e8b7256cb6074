import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../src/auth/actor';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ConsentEvidenceForm } from '../../src/consent/consent-record.entity';
import { ConsentTemplate } from '../../src/consent/consent-template.entity';
import { ConsentsService, type ConsentView } from '../../src/consent/consents.service';
import type { RecordConsentDto } from '../../src/consent/dto/record-consent.dto';
import { todayInGermany } from '../../src/common/calendar';
import { ReferralState } from '../../src/common/referral-states';
import type { Referral } from '../../src/referrals/referral.entity';
import { createClient } from './clients';
import { referralInState, type ReferralWorld } from './referrals';

/**
 * A fresh, approved consent template of the organisation covering the categories, written
 * straight to the table (a unique key, so version 1).
 */
export async function createApprovedTemplate(
  app: INestApplication,
  organisationId: string,
  categories: DataCategory[] = Object.values(DataCategory),
  options: { approved?: boolean; title?: string } = {},
): Promise<ConsentTemplate> {
  const manager = app.get(DataSource).manager;
  const approved = options.approved ?? true;
  const saved = await manager.save(
    ConsentTemplate,
    manager.create(ConsentTemplate, {
      organisationId,
      key: `test-${randomUUID().slice(0, 8)}`,
      version: 1,
      title: options.title ?? 'Schweigepflichtentbindung (Test)',
      body: 'Ich entbinde den Träger von der Schweigepflicht gegenüber den genannten Stellen.',
      categories,
      createdBy: randomUUID(),
      approvedBy: approved ? randomUUID() : null,
      approvedAt: approved ? new Date() : null,
    }),
  );
  return manager.findOneByOrFail(ConsentTemplate, { id: saved.id });
}

/** A body for POST /clients/{id}/consents: given today in writing, open-ended. */
export function consentBody(
  input: {
    referralId: string;
    templateId: string;
    grants: { category: DataCategory; recipientOrganisationId: string }[];
  } & Partial<Omit<RecordConsentDto, 'referralId' | 'templateId' | 'grants'>>,
): RecordConsentDto {
  return {
    evidence: { form: ConsentEvidenceForm.Written, givenOn: todayInGermany() },
    ...input,
  };
}

/** Records a consent through the service, as `actor` (e.g. the assigned provider worker). */
export function recordConsent(
  app: INestApplication,
  actor: UserActor,
  clientId: string,
  input: Parameters<typeof consentBody>[0],
): Promise<ConsentView> {
  return app.get(ConsentsService).record(actor, clientId, consentBody(input));
}

/**
 * A fresh client of the world's jobcenter A with a referral to P1 in the given state (default:
 * accepted, assigned to P1's worker), so that each test starts without consents.
 */
export async function openCase(
  app: INestApplication,
  world: ReferralWorld,
  state: ReferralState = ReferralState.Accepted,
  overrides: Partial<Referral> = {},
): Promise<{ clientId: string; referral: Referral }> {
  const client = await createClient(app, { jobcenterId: world.jobcenterA });
  const referral = await referralInState(app, world, state, { clientId: client.id, ...overrides });
  return { clientId: client.id, referral };
}
