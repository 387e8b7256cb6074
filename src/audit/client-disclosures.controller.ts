import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ClientDisclosuresService } from './client-disclosures.service';
import { ClientDisclosureDto, toClientDisclosurePage } from './dto/client-disclosure.dto';
import { ListClientDisclosuresQueryDto } from './dto/list-client-disclosures-query.dto';
import { ApiTag } from '../common/openapi/tags';

@ApiTags(ApiTag.Audit)
@Controller('clients/:id/disclosures')
export class ClientDisclosuresController {
  constructor(private readonly disclosures: ClientDisclosuresService) {}

  /**
   * A client's disclosure record
   *
   * The client's disclosure record (Auskunft nach Art. 15 DSGVO, § 83 SGB X): which organisation
   * received which of the client's data, and when, newest first. Only successful disclosures: a
   * provider's case content shown to another organisation (with its categories), and the
   * jobcenter's client record shown to a provider. The record names the receiving organisation and
   * whether a person or a system received the data, never which employee read it, nor request ids.
   *
   * For the provider working the client's case (a worker: one assigned to it), to show the client,
   * and for auditors of the client's jobcenter, of a provider that was ever sent a referral of the
   * client, or of the operator. The operator's auditors see every disclosure; everybody else those
   * their organisation received or that showed its own data. Anyone else gets 404. Every read of
   * the record is itself audited (`disclosure_record.read`).
   */
  @Get()
  @Can(Permission.DisclosureRecordRead)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PageOf(ClientDisclosureDto) })
  @ApiProblemResponses({
    400: 'The client id, a time or the cursor is invalid.',
    404: 'No such client visible to you.',
  })
  async listClientDisclosures(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
    @Query() query: ListClientDisclosuresQueryDto,
  ): Promise<Page<ClientDisclosureDto>> {
    return toClientDisclosurePage(await this.disclosures.list(actor, clientId, query));
  }
}
