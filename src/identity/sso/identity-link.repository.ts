import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { fetchKeysetPage } from '../../common/pagination/keyset';
import type { Page } from '../../common/pagination/page';
import { IdentityLink } from './identity-link.entity';

/** A link with the organisation of its provider, for scope checks. */
export interface ScopedLink {
  link: IdentityLink;
  organisationId: string;
}

@Injectable()
export class IdentityLinkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByProviderAndSubject(providerId: string, subject: string): Promise<IdentityLink | null> {
    return this.dataSource.manager.findOneBy(IdentityLink, { providerId, subject });
  }

  /** Whether the subject, or the user, is linked at the provider already. */
  taken(
    manager: EntityManager,
    providerId: string,
    subject: string,
    userId: string,
  ): Promise<boolean> {
    return manager.exists(IdentityLink, {
      where: [
        { providerId, subject },
        { providerId, userId },
      ],
    });
  }

  insert(manager: EntityManager, row: Partial<IdentityLink>): Promise<IdentityLink> {
    return manager.save(IdentityLink, manager.create(IdentityLink, row));
  }

  /** The link and its organisation, locked for removal. */
  async findWithOrganisation(manager: EntityManager, id: string): Promise<ScopedLink | undefined> {
    const rows = await manager.query<{ organisationId: string }[]>(
      `SELECT p.organisation_id AS "organisationId"
         FROM identity_links l JOIN identity_providers p ON p.id = l.provider_id
        WHERE l.id = $1 FOR UPDATE OF l`,
      [id],
    );
    if (!rows[0]) return undefined;
    const link = await manager.findOneByOrFail(IdentityLink, { id });
    return { link, organisationId: rows[0].organisationId };
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(IdentityLink, { id });
  }

  /** Removes every link of a provider; returns how many there were. */
  async deleteAllOfProvider(manager: EntityManager, providerId: string): Promise<number> {
    const result = await manager.delete(IdentityLink, { providerId });
    return result.affected ?? 0;
  }

  listOfProvider(
    providerId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<IdentityLink>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(IdentityLink, 'l')
      .where('l.provider_id = :providerId', { providerId });
    return fetchKeysetPage(
      qb,
      {
        list: 'identity-links',
        keys: [{ column: 'l.id', value: (l) => l.id }],
        direction: 'ASC',
      },
      page,
    );
  }
}
