import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { AuditService } from './audit.service';
import { AuditVerifier } from './audit-verifier.service';
import { AuditChainVerificationDto } from './dto/audit-chain-verification.dto';
import { AuditEventDto, toAuditEventPage } from './dto/audit-event.dto';
import { ListAuditEventsQueryDto } from './dto/list-audit-events-query.dto';
import { ApiTag } from '../common/openapi/tags';
import { Expensive } from '../auth/expensive.decorator';

@ApiTags(ApiTag.Audit)
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly verifier: AuditVerifier,
  ) {}

  /**
   * Read the audit trail
   *
   * The audit trail, newest first: sign-ins, changes, disclosures of case content and refused
   * accesses. Auditors see the events of their own organisation; the operator's auditors see all
   * events.
   */
  @Get()
  @Can(Permission.AuditRead)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PageOf(AuditEventDto) })
  @ApiProblemResponses({ 400: 'A filter or the cursor is invalid.' })
  async listAuditEvents(
    @CurrentActor() actor: Actor,
    @Query() query: ListAuditEventsQueryDto,
  ): Promise<Page<AuditEventDto>> {
    return toAuditEventPage(await this.audit.list(actor, query));
  }

  /**
   * Verify the audit trail
   *
   * Seals any events still waiting, then recomputes the whole hash chain from the events and
   * reports the first link that does not hold: proof that no event was altered or removed. Takes
   * time proportional to the length of the trail.
   */
  @Get('verify')
  @Can(Permission.AuditVerify)
  @Expensive()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: AuditChainVerificationDto })
  verifyAuditTrail(): Promise<AuditChainVerificationDto> {
    return this.verifier.verify();
  }
}
