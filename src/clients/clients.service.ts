import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import {
  RequestValidationError,
  ResourceNotFound,
  type FieldError,
} from '../common/problem/domain-error';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { fieldsSent } from '../common/validation/normalise';
import { OrganisationKind } from '../common/organisation-kind';
import { ClientContactWay, type Client } from './client.entity';
import { ClientRepository, type ClientFields, type ClientFilter } from './client.repository';
import { CustomerNumberTaken } from './clients-errors';
import type { CreateClientDto, UpdateClientDto } from './dto/create-client.dto';

const CUSTOMER_NUMBER_KEY = 'clients_jobcenter_id_customer_number_key';

/**
 * The jobcenter whose clients the actor works with, or null. Only jobcenter roles hold the
 * client permissions, but the scope must not rest on the role table alone.
 */
function jobcenterOf(actor: Actor): string | null {
  return actor.organisationKind === OrganisationKind.Jobcenter ? actor.organisationId : null;
}

/** The fields the body sent (undefined means "leave as it is"; null clears a nullable one). */
function patchOf(dto: UpdateClientDto): Partial<ClientFields> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
}

/** The fields that decide how the client is reached. */
type Reachability = Pick<ClientFields, 'street' | 'postcode' | 'city' | 'municipality'>;

/**
 * Either an address of residence (street, postcode and city, all three) or none and the
 * municipality instead (ohne festen Wohnsitz). The database's check constraint holds the same
 * rule; this names the fields to fix.
 */
export function reachabilityErrors(r: Reachability): FieldError[] {
  const address = [r.street, r.postcode, r.city];
  const given = address.filter((v) => v !== null && v !== undefined).length;
  if (given === 3) return [];
  if (given === 0) {
    return r.municipality
      ? []
      : [{ field: 'municipality', messages: ['municipality is required without an address'] }];
  }
  return (['street', 'postcode', 'city'] as const)
    .filter((f) => r[f] === null || r[f] === undefined)
    .map((field) => ({
      field,
      messages: [`${field} is required with the other parts of the address`],
    }));
}

function assertReachable(r: Reachability): void {
  const errors = reachabilityErrors(r);
  if (errors.length > 0) throw new RequestValidationError(errors);
}

/** Two registrations of one customer number at once: the unique index decides. */
function customerNumberConflict(error: unknown): never {
  throw isUniqueViolation(error, CUSTOMER_NUMBER_KEY) ? new CustomerNumberTaken() : error;
}

/**
 * Client master data, owned by one jobcenter: its case managers register and maintain it. Every
 * read is scoped to the caller's jobcenter, so another jobcenter's client is a 404.
 */
@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientRepository,
    private readonly audit: AuditService,
  ) {}

  /** The client if it belongs to that jobcenter, else null. */
  findOwned(
    jobcenterId: string,
    clientId: string,
    manager?: EntityManager,
  ): Promise<Client | null> {
    return this.clients.findOwned(jobcenterId, clientId, manager);
  }

  /**
   * The client whoever owns it. Only for callers that decide access themselves (the referrals
   * module, for a provider holding an open referral); never hand its result out unchecked.
   */
  findById(clientId: string, manager?: EntityManager): Promise<Client | null> {
    return this.clients.findById(clientId, manager);
  }

  async get(actor: Actor, id: string): Promise<Client> {
    const jobcenterId = jobcenterOf(actor);
    const client = jobcenterId ? await this.clients.findOwned(jobcenterId, id) : null;
    if (!client) throw new ResourceNotFound('client');
    return client;
  }

  list(
    actor: Actor,
    filter: ClientFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Client>> {
    const jobcenterId = jobcenterOf(actor);
    if (!jobcenterId) return Promise.resolve({ items: [], nextCursor: null });
    return this.clients.listForJobcenter(jobcenterId, filter, page);
  }

  async create(actor: Actor, dto: CreateClientDto): Promise<Client> {
    const jobcenterId = jobcenterOf(actor);
    if (!jobcenterId) throw new ResourceNotFound('jobcenter');
    const reachability = {
      street: dto.street ?? null,
      postcode: dto.postcode ?? null,
      city: dto.city ?? null,
      careOf: dto.careOf ?? null,
      usualWhereabouts: dto.usualWhereabouts ?? null,
      municipality: dto.municipality ?? null,
    };
    assertReachable(reachability);
    return this.dataSource
      .transaction(async (manager) => {
        if (await this.clients.customerNumberTaken(manager, jobcenterId, dto.customerNumber)) {
          throw new CustomerNumberTaken();
        }
        const client = await this.clients.insert(manager, {
          jobcenterId,
          customerNumber: dto.customerNumber,
          givenName: dto.givenName,
          familyName: dto.familyName,
          dateOfBirth: dto.dateOfBirth,
          ...reachability,
          phone: dto.phone ?? null,
          email: dto.email ?? null,
          preferredContact: dto.preferredContact ?? ClientContactWay.NoPreference,
          preferredContactTimes: dto.preferredContactTimes ?? null,
          noteToProvider: dto.noteToProvider ?? null,
          createdBy: actor.kind === 'user' ? actor.userId : null,
        });
        await this.recordChange(manager, actor, AuditAction.ClientCreate, client.id, dto);
        return client;
      })
      .catch(customerNumberConflict);
  }

  update(actor: Actor, id: string, version: number, dto: UpdateClientDto): Promise<Client> {
    const jobcenterId = jobcenterOf(actor);
    if (!jobcenterId) return Promise.reject(new ResourceNotFound('client'));
    return this.dataSource
      .transaction(async (manager) => {
        const current = await this.clients.findOwned(jobcenterId, id, manager);
        if (!current) throw new ResourceNotFound('client');
        if (current.version !== version) throw new PreconditionFailed();
        if (
          dto.customerNumber !== undefined &&
          dto.customerNumber !== current.customerNumber &&
          (await this.clients.customerNumberTaken(manager, jobcenterId, dto.customerNumber))
        ) {
          throw new CustomerNumberTaken();
        }
        const patch = patchOf(dto);
        assertReachable({ ...current, ...patch });
        const updated = await this.clients.updateAtVersion(
          manager,
          jobcenterId,
          id,
          version,
          patch,
        );
        if (!updated) throw new PreconditionFailed();
        await this.recordChange(manager, actor, AuditAction.ClientUpdate, id, dto);
        return updated;
      })
      .catch(customerNumberConflict);
  }

  /** Names the fields sent, never their values: those are the client's personal data. */
  private recordChange(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction.ClientCreate | AuditAction.ClientUpdate,
    clientId: string,
    dto: CreateClientDto | UpdateClientDto,
  ): Promise<void> {
    return this.audit.recordBy(manager, actor, {
      action,
      outcome: 'success',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { fields: fieldsSent(dto) },
    });
  }
}
