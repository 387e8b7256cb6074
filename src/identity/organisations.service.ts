import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination/page';
import { Organisation, OrganisationKind } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/** Jobcenters, providers (Träger) and the operator. Routes for admins come with identity. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationRepository) {}

  /** Creates the organisation unless one of that name exists; returns it either way. */
  async ensure(
    kind: OrganisationKind,
    name: string,
  ): Promise<{ organisation: Organisation; created: boolean }> {
    // One atomic insert-or-skip, so that concurrent calls for one name never collide.
    const created = await this.organisations.insertIfNameFree(kind, name);
    const organisation = await this.organisations.findByName(name);
    if (!organisation) throw new Error(`Organisation ${name} vanished after insert`);
    return { organisation, created };
  }

  isEmpty(): Promise<boolean> {
    return this.organisations.count().then((n) => n === 0);
  }

  list(
    filter: { kind?: OrganisationKind },
    page: { limit: number; cursor?: string },
  ): Promise<Page<Organisation>> {
    return this.organisations.listByName(filter, page);
  }
}
