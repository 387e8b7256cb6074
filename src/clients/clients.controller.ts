import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { toClientDto } from './clients.mappers';
import { ClientsService } from './clients.service';
import { ClientDto } from './dto/client.dto';
import { CreateClientDto, UpdateClientDto } from './dto/create-client.dto';
import { ListClientsQueryDto } from './dto/list-clients-query.dto';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';

/** Clients (Kundinnen und Kunden) of the caller's jobcenter: the case manager's register. */
@ApiTags(ApiTag.Clients)
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  /**
   * Register a client
   *
   * Registers a client (Kundin / Kunde) of your jobcenter with the master data a provider needs to
   * find and contact them. The customer number (Kundennummer) is unique within your jobcenter. The
   * answer's `Location` names the new client and its `ETag` goes into `If-Match` of a later change.
   */
  @Post()
  @Creates('/api/v1/clients/{id}')
  @Can(Permission.ClientCreate)
  @ApiCreatedResponse({ type: ClientDto })
  @ApiProblemResponses({ 409: 'Another client of your jobcenter has this customer number.' })
  async createClient(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateClientDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientDto> {
    const client = await this.clients.create(actor, dto);
    setEtag(reply, client.version);
    void reply.header('Location', `/api/v1/clients/${client.id}`);
    return toClientDto(client);
  }

  /**
   * List your jobcenter's clients
   *
   * Your jobcenter's clients, most recently changed first. There is no search by name, date of
   * birth or customer number: such values must not appear in URLs (they would end up in logs).
   */
  @Get()
  @Can(Permission.ClientRead)
  @ApiOkResponse({ type: PageOf(ClientDto) })
  async listClients(
    @CurrentActor() actor: Actor,
    @Query() query: ListClientsQueryDto,
  ): Promise<Page<ClientDto>> {
    const page = await this.clients.list(
      actor,
      {
        postcode: query.postcode,
        updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      },
      query,
    );
    return { items: page.items.map(toClientDto), nextCursor: page.nextCursor };
  }

  /**
   * Read a client
   *
   * One client of your jobcenter with all master data; its `ETag` goes into `If-Match` of an
   * update.
   */
  @Get(':id')
  @Can(Permission.ClientRead)
  @ApiOkResponse({ type: ClientDto })
  @ApiProblemResponses({ 404: 'No such client in your jobcenter.' })
  async getClient(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientDto> {
    const client = await this.clients.get(actor, id);
    setEtag(reply, client.version);
    return toClientDto(client);
  }

  /**
   * Change a client's master data
   *
   * Changes the fields sent; `null` clears an optional one (phone, email, contact times, note to
   * the provider). Needs `If-Match` with the client's `ETag`.
   */
  @Patch(':id')
  @Can(Permission.ClientUpdate)
  @ApiOkResponse({ type: ClientDto })
  @ApiProblemResponses({
    404: 'No such client in your jobcenter.',
    409: 'Another client of your jobcenter has this customer number.',
    412: 'The client changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  async updateClient(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateClientDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientDto> {
    const client = await this.clients.update(actor, id, version, dto);
    setEtag(reply, client.version);
    return toClientDto(client);
  }
}
