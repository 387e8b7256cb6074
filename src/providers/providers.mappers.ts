import type { ContractWithNames } from './contract.entity';
import type { ContractDto } from './dto/contract.dto';
import type { ProviderDto } from './dto/provider.dto';
import type { ProviderEntry } from './provider.repository';

/** A provider without a profile yet is shown with empty lists. */
export function toProviderDto(p: ProviderEntry): ProviderDto {
  return {
    id: p.id,
    name: p.name,
    active: p.active,
    services: p.profile?.services ?? [],
    postcodes: p.profile?.postcodes ?? [],
    municipalities: p.profile?.municipalities ?? [],
    languages: p.profile?.languages ?? [],
    contactEmail: p.profile?.contactEmail ?? null,
    contactPhone: p.profile?.contactPhone ?? null,
    website: p.profile?.website ?? null,
    description: p.profile?.description ?? null,
    updatedAt: p.profile?.updatedAt ?? null,
  };
}

/** The version a provider's ETag names: its profile's, or 0 before the profile exists. */
export function profileVersionOf(p: ProviderEntry): number {
  return p.profile?.version ?? 0;
}

export function toContractDto(c: ContractWithNames): ContractDto {
  return {
    id: c.id,
    jobcenterId: c.jobcenterId,
    jobcenterName: c.jobcenterName,
    providerId: c.providerId,
    providerName: c.providerName,
    number: c.number,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    services: c.services,
    capacity: c.capacity,
    billingTerms: c.billingTerms.map((t) => ({ unit: t.unit, priceCents: t.priceCents })),
    firstContactWorkingDays: c.firstContactWorkingDays,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
