import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ContractsService } from './contracts.service';
import { ContractDto } from './dto/contract.dto';
import { CreateContractDto } from './dto/create-contract.dto';
import { ListProvidersQueryDto } from './dto/list-providers-query.dto';
import { ProviderDto } from './dto/provider.dto';
import { UpdateProviderDto } from './dto/update-provider.dto';
import { profileVersionOf, toContractDto, toProviderDto } from './providers.mappers';
import { ProvidersService } from './providers.service';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';

/** The provider directory (Trägerverzeichnis) and the contracts with each provider. */
@ApiTags(ApiTag.Providers)
@Controller('providers')
export class ProvidersController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly contracts: ContractsService,
  ) {}

  /**
   * Find providers (Trägerverzeichnis)
   *
   * Active providers (Träger) by name, filtered by service, service area (postcode or
   * municipality) and language: the directory a case manager chooses from.
   */
  @Get()
  @Can(Permission.ProviderRead)
  @ApiOkResponse({ type: PageOf(ProviderDto) })
  async listProviders(@Query() query: ListProvidersQueryDto): Promise<Page<ProviderDto>> {
    const { service, postcode, municipality, language } = query;
    const page = await this.providers.list({ service, postcode, municipality, language }, query);
    return { items: page.items.map(toProviderDto), nextCursor: page.nextCursor };
  }

  /**
   * Read a provider's profile
   *
   * One provider's profile; its `ETag` (`"0"` before the profile was first filled in) goes into
   * `If-Match` of a change.
   */
  @Get(':id')
  @Can(Permission.ProviderRead)
  @ApiOkResponse({ type: ProviderDto })
  @ApiProblemResponses({ 404: 'No such provider.' })
  async getProvider(
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProviderDto> {
    const provider = await this.providers.get(id);
    setEtag(reply, profileVersionOf(provider));
    return toProviderDto(provider);
  }

  /**
   * Change a provider's profile
   *
   * Changes the profile: services, service area, languages, contact details, description. An admin
   * for any provider, a provider lead for their own. The first change sends `If-Match: "0"` and
   * creates the profile.
   */
  @Patch(':id')
  @Can(Permission.ProviderUpdate)
  @ApiOkResponse({ type: ProviderDto })
  @ApiProblemResponses({
    404: 'No such provider, or not yours.',
    412: 'The profile changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  async updateProvider(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateProviderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProviderDto> {
    const provider = await this.providers.update(actor, id, version, dto);
    setEtag(reply, profileVersionOf(provider));
    return toProviderDto(provider);
  }

  /**
   * List contracts with a provider
   *
   * Contracts with this provider, latest start first: a jobcenter lead sees their jobcenter's, a
   * provider lead their own organisation's (with every jobcenter).
   */
  @Get(':id/contracts')
  @Can(Permission.ContractRead)
  @ApiOkResponse({ type: PageOf(ContractDto) })
  @ApiProblemResponses({ 404: 'No such provider, or not yours.' })
  async listProviderContracts(
    @CurrentActor() actor: Actor,
    @UuidParam('id') providerId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ContractDto>> {
    const page = await this.contracts.listWithProvider(actor, providerId, query);
    return { items: page.items.map(toContractDto), nextCursor: page.nextCursor };
  }

  /**
   * Make a contract with a provider
   *
   * A contract of the caller's jobcenter with this provider: number, period, the services it
   * covers, the places (capacity) and the days within which the first contact is due.
   */
  @Post(':id/contracts')
  @Creates('/api/v1/contracts/{id}')
  @Can(Permission.ContractManage)
  @ApiCreatedResponse({ type: ContractDto })
  @ApiProblemResponses({
    404: 'No such active provider.',
    409: 'Your jobcenter already has a contract with this number.',
  })
  async createContract(
    @CurrentActor() actor: Actor,
    @UuidParam('id') providerId: string,
    @Body() dto: CreateContractDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContractDto> {
    const contract = await this.contracts.create(actor, providerId, dto);
    setEtag(reply, contract.version);
    void reply.header('Location', `/api/v1/contracts/${contract.id}`);
    return toContractDto(contract);
  }
}
