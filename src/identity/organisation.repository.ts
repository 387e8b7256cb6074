import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { updateAtVersion } from '../common/concurrency/update-at-version';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from '../common/organisation-kind';
import type { FederalState } from '../common/public-holidays';

@Injectable()
export class OrganisationRepository {
  constructor(@InjectRepository(Organisation) private readonly repo: Repository<Organisation>) {}

  /** Inserts the organisation unless the name is taken; returns it, or undefined if taken. */
  async insertIfNameFree(
    kind: OrganisationKind,
    name: string,
    manager: EntityManager = this.repo.manager,
    federalState: FederalState | null = null,
  ): Promise<Organisation | undefined> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Organisation)
      .values({ kind, name, federalState })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [row] = result.raw as { id: string }[];
    return row ? ((await manager.findOneBy(Organisation, { id: row.id })) ?? undefined) : undefined;
  }

  findByName(
    name: string,
    manager: EntityManager = this.repo.manager,
  ): Promise<Organisation | null> {
    return manager.findOneBy(Organisation, { name });
  }

  findById(id: string, manager: EntityManager = this.repo.manager): Promise<Organisation | null> {
    return manager.findOneBy(Organisation, { id });
  }

  /** Applies `patch` if the row is still at `version`; returns the new row, or undefined. */
  async updateAtVersion(
    manager: EntityManager,
    id: string,
    version: number,
    patch: Partial<Pick<Organisation, 'name' | 'active'>>,
  ): Promise<Organisation | undefined> {
    if (!(await updateAtVersion(manager, Organisation, id, version, patch))) return undefined;
    return (await manager.findOneBy(Organisation, { id })) ?? undefined;
  }

  /** Ids of every organisation of a kind (there are few operators). */
  async idsOfKind(kind: OrganisationKind): Promise<string[]> {
    const rows = await this.repo.find({ select: { id: true }, where: { kind } });
    return rows.map((o) => o.id);
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Organisations ordered by name; `kind` narrows the list. */
  listByName(
    filter: { kind?: OrganisationKind },
    page: { limit: number; cursor?: string },
  ): Promise<Page<Organisation>> {
    const qb = this.repo.createQueryBuilder('o');
    if (filter.kind) qb.where('o.kind = :kind', { kind: filter.kind });
    return fetchKeysetPage(
      qb,
      {
        list: 'organisations-by-name',
        keys: [
          { column: 'o.name', value: (o) => o.name },
          { column: 'o.id', value: (o) => o.id },
        ],
        direction: 'ASC',
      },
      page,
    );
  }
}
