import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { updateAtVersion } from '../../common/concurrency/update-at-version';
import type { OrganisationKind } from '../../common/organisation-kind';
import { IdentityProvider } from './identity-provider.entity';

@Injectable()
export class IdentityProviderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByOrganisation(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IdentityProvider | null> {
    return manager.findOneBy(IdentityProvider, { organisationId });
  }

  /**
   * Active providers of active organisations, with the organisation's kind: by the provider's
   * id, its organisation's, or its issuer (one issuer may serve several organisations' clients).
   */
  async findUsable(
    by: { id: string } | { organisationId: string } | { issuer: string },
  ): Promise<(IdentityProvider & { organisationKind: OrganisationKind })[]> {
    const [column, value] =
      'id' in by
        ? ['p.id', by.id]
        : 'organisationId' in by
          ? ['p.organisation_id', by.organisationId]
          : ['p.issuer', by.issuer];
    const rows = await this.dataSource.manager
      .createQueryBuilder(IdentityProvider, 'p')
      .innerJoin('p.organisation', 'o')
      .addSelect('o.kind', 'organisation_kind')
      .where(`${column} = :value AND p.active AND o.active`, { value })
      .getRawAndEntities<{ organisation_kind: OrganisationKind }>();
    return rows.entities.map((entity, i) =>
      Object.assign(entity, { organisationKind: rows.raw[i].organisation_kind }),
    );
  }

  /** Whether the organisation has switched password sign-in off. */
  async passwordLoginOff(organisationId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM identity_providers WHERE organisation_id = $1 AND NOT password_login`,
      [organisationId],
    );
    return rows.length > 0;
  }

  async insert(manager: EntityManager, row: Partial<IdentityProvider>): Promise<IdentityProvider> {
    const { identifiers } = await manager.insert(IdentityProvider, row);
    return manager.findOneByOrFail(IdentityProvider, { id: identifiers[0].id as string });
  }

  /** Applies `changes` if the row is still at `version`; the row as it is then, or null. */
  async updateAtVersion(
    manager: EntityManager,
    id: string,
    version: number,
    changes: QueryDeepPartialEntity<IdentityProvider>,
  ): Promise<IdentityProvider | null> {
    if (!(await updateAtVersion(manager, IdentityProvider, id, version, changes))) return null;
    return manager.findOneBy(IdentityProvider, { id });
  }
}
