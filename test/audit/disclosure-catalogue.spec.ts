import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AuditAction, type DisclosureAction } from '../../src/audit/audit-actions';
import { DisclosureAudit } from '../../src/audit/disclosure-audit.service';
import { DisclosedData } from '../../src/audit/disclosure-record';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReferralState } from '../../src/common/referral-states';
import type { Referral } from '../../src/referrals/referral.entity';
import { createClient } from '../factories/clients';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { createTestApp } from '../support/test-app';
import { httpOf } from '../support/http';

interface Disclosure {
  what: DisclosedData;
  recipientOrganisationId: string;
  categories: string[];
}

interface Context {
  disclosures: DisclosureAudit;
  dataSource: DataSource;
  world: ReferralWorld;
  referral: Referral;
}

/**
 * Each disclosure action of the catalogue, written the way the app writes it (through
 * `DisclosureAudit`), and what the client's disclosure record must then show. Keyed by the
 * catalogue's disclosure actions: a new one does not compile until it is written here too.
 */
const WRITES: Record<DisclosureAction, (c: Context) => Promise<Disclosure[]>> = {
  // In the reader's transaction, as the reads that disclose case content write it.
  [AuditAction.ContentDisclose]: async ({ disclosures, dataSource, world, referral }) => {
    await dataSource.transaction((manager) =>
      disclosures.caseContent(manager, world.caseworkerA.actor, referral, [
        DataCategory.Participation,
      ]),
    );
    return [
      {
        what: DisclosedData.CaseContent,
        recipientOrganisationId: world.jobcenterA,
        categories: [DataCategory.Participation],
      },
    ];
  },
  // In a transaction of its own.
  [AuditAction.ClientDisclose]: async ({ disclosures, world, referral }) => {
    await disclosures.clientData(world.workerP1.actor, referral, DisclosedData.ReferralSummary);
    await disclosures.clientData(world.workerP1.actor, referral, DisclosedData.ClientRecord);
    return [DisclosedData.ReferralSummary, DisclosedData.ClientRecord].map((what) => ({
      what,
      recipientOrganisationId: world.providerP1,
      categories: [],
    }));
  },
};

describe("every disclosure action of the catalogue reaches the client's disclosure record", () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(Object.keys(WRITES) as DisclosureAction[])('%s', async (action) => {
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const referral = await referralInState(app, world, ReferralState.InProgress, {
      clientId: client.id,
    });
    const expected = await WRITES[action]({
      disclosures: app.get(DisclosureAudit),
      dataSource: app.get(DataSource),
      world,
      referral,
    });
    const res = await httpOf(app)
      .get(world.caseworkerA, `/api/v1/clients/${client.id}/disclosures`)
      .expect(200);
    const shown = (res.body.items as Disclosure[]).map(
      ({ what, recipientOrganisationId, categories }) => ({
        what,
        recipientOrganisationId,
        categories,
      }),
    );
    const order = (d: Disclosure) => d.what;
    expect(shown.sort((a, b) => order(a).localeCompare(order(b)))).toEqual(
      expected.sort((a, b) => order(a).localeCompare(order(b))),
    );
  });
});
