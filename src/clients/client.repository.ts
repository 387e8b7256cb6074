import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { updateAtVersion } from '../common/concurrency/update-at-version';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { Client } from './client.entity';
import { ProcessingRestricted } from '../confidentiality/restriction';

/** What a jobcenter may set on its client: everything but ids, ownership and bookkeeping. */
export type ClientFields = Pick<
  Client,
  | 'customerNumber'
  | 'givenName'
  | 'familyName'
  | 'dateOfBirth'
  | 'street'
  | 'postcode'
  | 'city'
  | 'careOf'
  | 'usualWhereabouts'
  | 'municipality'
  | 'phone'
  | 'email'
  | 'preferredContact'
  | 'preferredContactTimes'
  | 'noteToProvider'
>;

export interface ClientFilter {
  postcode?: string;
  updatedSince?: Date;
}

/** Nobody reads a restricted client through the ordinary loaders (ADR 0020). */
function unlessRestricted(client: Client | null): Client | null {
  if (client?.restrictedAt) throw new ProcessingRestricted('client');
  return client;
}

@Injectable()
export class ClientRepository {
  constructor(@InjectRepository(Client) private readonly repo: Repository<Client>) {}

  /**
   * The client if it belongs to the jobcenter; a foreign one is as absent as a missing one. The
   * single loader of the client's master data for its readers and writers: a client under
   * restriction of processing is refused (`ProcessingRestricted`, ADR 0020).
   */
  async findOwned(
    jobcenterId: string,
    id: string,
    manager: EntityManager = this.repo.manager,
  ): Promise<Client | null> {
    return unlessRestricted(await manager.findOneBy(Client, { id, jobcenterId }));
  }

  /**
   * Unscoped, on purpose: for callers that decide access themselves (referrals). Refuses a
   * restricted client like `findOwned`.
   */
  async findById(id: string, manager: EntityManager = this.repo.manager): Promise<Client | null> {
    return unlessRestricted(await manager.findOneBy(Client, { id }));
  }

  /**
   * The client if it belongs to the jobcenter, restricted or not: only for the data protection
   * routes (restriction, erasure, the Art. 15 copy), which decide themselves who may.
   */
  findOwnedEvenIfRestricted(
    jobcenterId: string,
    id: string,
    manager: EntityManager = this.repo.manager,
  ): Promise<Client | null> {
    return manager.findOneBy(Client, { id, jobcenterId });
  }

  customerNumberTaken(
    manager: EntityManager,
    jobcenterId: string,
    customerNumber: string,
  ): Promise<boolean> {
    return manager.exists(Client, { where: { jobcenterId, customerNumber } });
  }

  async insert(
    manager: EntityManager,
    client: ClientFields & Pick<Client, 'jobcenterId' | 'createdBy'>,
  ): Promise<Client> {
    const { id } = await manager.save(Client, manager.create(Client, client));
    return manager.findOneByOrFail(Client, { id });
  }

  /** Applies `patch` if the row is still at `version`; returns the new row, or undefined. */
  async updateAtVersion(
    manager: EntityManager,
    jobcenterId: string,
    id: string,
    version: number,
    patch: Partial<ClientFields>,
  ): Promise<Client | undefined> {
    if (!(await updateAtVersion(manager, Client, id, version, patch))) return undefined;
    return (await this.findOwned(jobcenterId, id, manager)) ?? undefined;
  }

  /** The jobcenter's clients, most recently changed first. */
  listForJobcenter(
    jobcenterId: string,
    filter: ClientFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Client>> {
    const qb = this.repo
      .createQueryBuilder('c')
      .where('c.jobcenter_id = :jobcenterId', { jobcenterId })
      // A restricted client is left out of the list (ADR 0020).
      .andWhere('c.restricted_at IS NULL');
    if (filter.postcode) qb.andWhere('c.postcode = :postcode', { postcode: filter.postcode });
    if (filter.updatedSince) {
      qb.andWhere('c.updated_at >= :updatedSince', { updatedSince: filter.updatedSince });
    }
    // The cursor carries the change time and the id only: no personal data in URLs.
    return fetchKeysetPage(
      qb,
      {
        list: 'clients-by-update',
        keys: [
          { column: 'c.updated_at', value: (c) => c.updatedAt.toISOString() },
          { column: 'c.id', value: (c) => c.id },
        ],
        direction: 'DESC',
      },
      page,
    );
  }
}
