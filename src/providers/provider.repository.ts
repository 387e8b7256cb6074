import { municipalityIn } from '../common/validation/municipality';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { Organisation } from '../identity/organisation.entity';
import { OrganisationKind } from '../common/organisation-kind';
import { ProviderProfile } from './provider-profile.entity';
import type { ServiceKind } from './service-kind';

/** A provider organisation with its profile (null until the first update creates it). */
export interface ProviderEntry {
  id: string;
  name: string;
  active: boolean;
  profile: ProviderProfile | null;
}

export interface DirectoryFilter {
  service?: ServiceKind;
  postcode?: string;
  municipality?: string;
  language?: string;
}

/** The profile fields an update may set. */
export type ProfileFields = Partial<
  Pick<
    ProviderProfile,
    | 'services'
    | 'postcodes'
    | 'municipalities'
    | 'languages'
    | 'contactEmail'
    | 'contactPhone'
    | 'website'
    | 'description'
  >
>;

/** An organisation row as the directory query returns it, the profile mapped onto it. */
type OrganisationWithProfile = Organisation & { profile?: ProviderProfile | null };

function toEntry(o: OrganisationWithProfile): ProviderEntry {
  return { id: o.id, name: o.name, active: o.active, profile: o.profile ?? null };
}

/**
 * Provider profiles, read together with their organisation. `organisations` belongs to the
 * identity module: this repository joins it read-only for names, kind and active flag, and
 * never writes it.
 */
@Injectable()
export class ProviderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Provider organisations (any, active or not) with their profile, in one query. */
  private providers(manager: EntityManager): SelectQueryBuilder<OrganisationWithProfile> {
    return manager
      .createQueryBuilder(Organisation, 'o')
      .leftJoinAndMapOne('o.profile', ProviderProfile, 'p', 'p.organisation_id = o.id')
      .where('o.kind = :provider', { provider: OrganisationKind.Provider });
  }

  /**
   * The directory: active providers by name, narrowed by a service offered, a postcode of the
   * service area and a language spoken. The `@>` filters use the GIN indexes; a provider
   * without a profile matches no filter.
   */
  async listActive(
    filter: DirectoryFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ProviderEntry>> {
    const qb = this.providers(this.dataSource.manager).andWhere('o.active');
    if (filter.service) {
      qb.andWhere('p.services @> CAST(ARRAY[:service] AS service_kind[])', {
        service: filter.service,
      });
    }
    if (filter.postcode) {
      qb.andWhere('p.postcodes @> CAST(ARRAY[:postcode] AS varchar[])', {
        postcode: filter.postcode,
      });
    }
    if (filter.municipality) {
      qb.andWhere(municipalityIn('p.municipalities', ':municipality'), {
        municipality: filter.municipality,
      });
    }
    if (filter.language) {
      qb.andWhere('p.languages @> CAST(ARRAY[:language] AS varchar[])', {
        language: filter.language,
      });
    }
    const result = await fetchKeysetPage(
      qb,
      {
        list: 'providers-by-name',
        keys: [
          { column: 'o.name', value: (o) => o.name },
          { column: 'o.id', value: (o) => o.id },
        ],
        direction: 'ASC',
      },
      page,
    );
    return { items: result.items.map(toEntry), nextCursor: result.nextCursor };
  }

  /**
   * The provider organisation `id`, active or not, if it is one and, unless `ownOrganisationId`
   * is null (an admin, or a directory read), it is that organisation.
   */
  async findInScope(
    id: string,
    ownOrganisationId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProviderEntry | null> {
    if (ownOrganisationId !== null && ownOrganisationId !== id) return null;
    const row = await this.providers(manager).andWhere('o.id = :id', { id }).getOne();
    return row ? toEntry(row) : null;
  }

  async isActiveProvider(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager
      .createQueryBuilder(Organisation, 'o')
      .where('o.id = :id AND o.kind = :provider AND o.active', {
        id,
        provider: OrganisationKind.Provider,
      })
      .getExists();
  }

  /**
   * Creates the profile unless it exists (the caller's `If-Match: "0"`); undefined if another
   * request created it first. One statement, so that of concurrent creators exactly one wins.
   */
  async insertIfAbsent(
    manager: EntityManager,
    organisationId: string,
    fields: ProfileFields,
  ): Promise<ProviderProfile | undefined> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ProviderProfile)
      .values({ ...fields, organisationId })
      .orIgnore()
      .returning(['organisationId'])
      .execute();
    if ((result.raw as unknown[]).length === 0) return undefined;
    return (await manager.findOneBy(ProviderProfile, { organisationId })) ?? undefined;
  }

  /** Applies `fields` if the profile is still at `version`; returns it, or undefined. */
  async updateAtVersion(
    manager: EntityManager,
    organisationId: string,
    version: number,
    fields: ProfileFields,
  ): Promise<ProviderProfile | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(ProviderProfile)
      .set({ ...fields, version: () => 'version + 1' })
      .where('organisation_id = :organisationId AND version = :version', {
        organisationId,
        version,
      })
      .execute();
    if (result.affected !== 1) return undefined;
    return (await manager.findOneBy(ProviderProfile, { organisationId })) ?? undefined;
  }
}
