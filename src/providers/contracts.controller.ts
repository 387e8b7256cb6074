import { Body, Controller, Get, Patch, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ContractsService } from './contracts.service';
import { ContractDto } from './dto/contract.dto';
import { UpdateContractDto } from './dto/create-contract.dto';
import { toContractDto } from './providers.mappers';
import { ApiTag } from '../common/openapi/tags';

/** One contract, read by either party and changed by its jobcenter. */
@ApiTags(ApiTag.Providers)
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  /**
   * Read a contract
   *
   * A contract of the caller's jobcenter, or held by the caller's provider; its `ETag` goes into
   * `If-Match` of a change.
   */
  @Get(':id')
  @Can(Permission.ContractRead)
  @ApiOkResponse({ type: ContractDto })
  @ApiProblemResponses({ 404: 'No such contract, or not yours.' })
  async getContract(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContractDto> {
    const contract = await this.contracts.get(actor, id);
    setEtag(reply, contract.version);
    return toContractDto(contract);
  }

  /**
   * Change a contract
   *
   * Changes end date, services, capacity or first-contact days; number and start are fixed. Needs
   * `If-Match` with the contract's `ETag`. A capacity lowered below the referrals open under the
   * contract is refused (409 `capacity-below-open-referrals`, with `capacity` and
   * `openReferrals`) unless `confirmOverCommitment: true` confirms it: the open referrals stay,
   * the availability shows them as `overCommitted`, and no referral is booked under the contract
   * until places are free.
   */
  @Patch(':id')
  @Can(Permission.ContractManage)
  @ApiOkResponse({ type: ContractDto })
  @ApiProblemResponses({
    404: "No such contract, or not your jobcenter's.",
    409: 'The capacity would be below the referrals open under the contract; confirm with confirmOverCommitment.',
    412: 'The contract changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  async updateContract(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateContractDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContractDto> {
    const contract = await this.contracts.update(actor, id, version, dto);
    setEtag(reply, contract.version);
    return toContractDto(contract);
  }
}
