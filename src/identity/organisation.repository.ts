import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { Organisation, OrganisationKind } from './organisation.entity';

@Injectable()
export class OrganisationRepository {
  constructor(@InjectRepository(Organisation) private readonly repo: Repository<Organisation>) {}

  async insert(kind: OrganisationKind, name: string): Promise<Organisation> {
    return this.repo.save(this.repo.create({ kind, name }));
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
