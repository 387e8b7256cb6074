import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Contract } from '../../src/providers/contract.entity';
import { ContractRepository } from '../../src/providers/contract.repository';
import { ProviderProfile } from '../../src/providers/provider-profile.entity';
import { ServiceKind } from '../../src/providers/service-kind';
import { uniqueName } from './unique';

/**
 * A fresh contract between the jobcenter and the provider, straight through the repository (no
 * HTTP, no audit event). By default valid from 2020-01-01, open-ended, 10 places, home visits.
 */
export async function createContract(
  app: INestApplication,
  options: {
    jobcenterId: string;
    providerId: string;
    capacity?: number;
    services?: ServiceKind[];
    validFrom?: string;
    validUntil?: string | null;
    firstContactWorkingDays?: number;
    number?: string;
  },
): Promise<Contract> {
  const manager = app.get(DataSource).manager;
  return app.get(ContractRepository).insert(manager, {
    jobcenterId: options.jobcenterId,
    providerId: options.providerId,
    number: options.number ?? uniqueName('V'),
    validFrom: options.validFrom ?? '2020-01-01',
    validUntil: options.validUntil ?? null,
    services: options.services ?? [ServiceKind.OutreachHomeVisits],
    capacity: options.capacity ?? 10,
    firstContactWorkingDays: options.firstContactWorkingDays ?? 10,
  });
}

/**
 * Sets the provider's profile lists (creating the profile if needed); lists not given keep
 * their value (empty for a new profile). Bumps the version like an update does.
 */
export async function setProfile(
  app: INestApplication,
  providerId: string,
  profile: { services?: ServiceKind[]; postcodes?: string[]; languages?: string[] },
): Promise<ProviderProfile> {
  const dataSource = app.get(DataSource);
  await dataSource.query(
    `INSERT INTO provider_profiles (organisation_id, services, postcodes, languages)
     VALUES ($1, COALESCE($2::service_kind[], '{}'), COALESCE($3::varchar[], '{}'),
             COALESCE($4::varchar[], '{}'))
     ON CONFLICT (organisation_id) DO UPDATE SET
       services = COALESCE($2::service_kind[], provider_profiles.services),
       postcodes = COALESCE($3::varchar[], provider_profiles.postcodes),
       languages = COALESCE($4::varchar[], provider_profiles.languages),
       version = provider_profiles.version + 1,
       updated_at = now()`,
    [providerId, profile.services ?? null, profile.postcodes ?? null, profile.languages ?? null],
  );
  return dataSource.manager.findOneByOrFail(ProviderProfile, { organisationId: providerId });
}
