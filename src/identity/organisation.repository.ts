import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { Organisation, OrganisationKind } from './organisation.entity';

@Injectable()
export class OrganisationRepository {
  constructor(@InjectRepository(Organisation) private readonly repo: Repository<Organisation>) {}

  /** Inserts the organisation unless the name is taken; returns whether it did. */
  async insertIfNameFree(kind: OrganisationKind, name: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ kind, name })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  findByName(name: string): Promise<Organisation | null> {
    return this.repo.findOneBy({ name });
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
