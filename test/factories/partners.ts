import type { INestApplication } from '@nestjs/common';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { DataCategory } from '../../src/confidentiality/data-category';
import type { PartnerAgreementRow } from '../../src/partners/partners.repository';
import { PartnersService } from '../../src/partners/partners.service';
import { createOrganisation, createUser, type TestUser } from './identity';

/** A fresh partner organisation (e.g. a psychiatric clinic) with one staff member. */
export async function createPartner(
  app: INestApplication,
): Promise<{ partnerId: string; staff: TestUser }> {
  const partner = await createOrganisation(app, OrganisationKind.Partner);
  const staff = await createUser(app, {
    roles: [Role.PartnerStaff],
    organisationId: partner.id,
  });
  return { partnerId: partner.id, staff };
}

/** An agreement of the jobcenter lead's jobcenter with the partner, through the service. */
export function createPartnerAgreement(
  app: INestApplication,
  lead: TestUser,
  partnerId: string,
  options: { reservedPlaces?: number; category?: DataCategory } = {},
): Promise<PartnerAgreementRow> {
  return app.get(PartnersService).createAgreement(lead.actor, {
    partnerId,
    category: options.category ?? DataCategory.MentalHealth,
    reservedPlaces: options.reservedPlaces ?? 10,
    validFrom: '2026-01-01',
  });
}
