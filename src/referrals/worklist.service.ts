import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { todayInGermany } from '../common/calendar';
import type { Page } from '../common/pagination/page';
import { ReferralState } from '../common/referral-states';
import { referralScopeOf } from '../confidentiality/case-access';
import { WorklistItemKind, type WorklistItemDto } from './dto/worklist-item.dto';
import { WorklistRepository, type WorklistRow } from './worklist.repository';

/** The worklist of the calling person (ADR 0019, "The caseworker's worklist"). */
@Injectable()
export class WorklistService {
  constructor(private readonly worklist: WorklistRepository) {}

  async list(
    actor: Actor,
    page: { limit: number; cursor?: string },
  ): Promise<Page<WorklistItemDto>> {
    const scope = referralScopeOf(actor);
    const caseManagerId = actor.kind === 'user' ? actor.userId : null;
    const rows = await this.worklist.list(scope, caseManagerId, page);
    const today = todayInGermany();
    const item =
      scope.kind === 'jobcenter' ? jobcenterItem : (row: WorklistRow) => providerItem(row, today);
    return { items: rows.items.map(item), nextCursor: rows.nextCursor };
  }
}

/** State and the jobcenter's own dates only: nothing of the first contact (participation). */
function jobcenterItem(row: WorklistRow): WorklistItemDto {
  return {
    kind:
      row.state === ReferralState.Requested
        ? WorklistItemKind.AwaitingAnswer
        : WorklistItemKind.AwaitingStart,
    referralId: row.referralId,
    clientId: row.clientId,
    state: row.state,
    since: row.since,
  };
}

/** The provider's own dates; before its decision, not the client's id (as in its referral). */
function providerItem(row: WorklistRow, today: string): WorklistItemDto {
  if (row.state === ReferralState.Requested) {
    return {
      kind: WorklistItemKind.AwaitingDecision,
      referralId: row.referralId,
      clientId: null,
      state: row.state,
      since: row.since,
    };
  }
  return {
    kind: WorklistItemKind.FirstContactDue,
    referralId: row.referralId,
    clientId: row.clientId,
    state: row.state,
    since: row.since,
    dueOn: row.firstContactDue,
    overdue: row.firstContactDue !== null && row.firstContactDue < today,
  };
}
