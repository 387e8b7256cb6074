import type { INestApplication } from '@nestjs/common';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { DataCategory } from '../../src/confidentiality/data-category';
import { DataSource } from 'typeorm';
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

/**
 * An agreement of the jobcenter lead's jobcenter with the partner, through the service; given a
 * jobcenter id instead of its lead, written straight to the table (a jobcenter without a lead).
 */
export async function createPartnerAgreement(
  app: INestApplication,
  lead: TestUser | { jobcenterId: string },
  partnerId: string,
  options: { reservedPlaces?: number; category?: DataCategory } = {},
): Promise<{ id: string }> {
  if ('jobcenterId' in lead) {
    const [row] = await app.get(DataSource).query<{ id: string }[]>(
      `INSERT INTO partner_agreements (jobcenter_id, partner_id, category, reserved_places, valid_from)
       VALUES ($1, $2, $3, $4, '2026-01-01') RETURNING id`,
      [
        lead.jobcenterId,
        partnerId,
        options.category ?? DataCategory.MentalHealth,
        options.reservedPlaces ?? 10,
      ],
    );
    return row;
  }
  return app.get(PartnersService).createAgreement(lead.actor, {
    partnerId,
    category: options.category ?? DataCategory.MentalHealth,
    reservedPlaces: options.reservedPlaces ?? 10,
    validFrom: '2026-01-01',
  });
}
