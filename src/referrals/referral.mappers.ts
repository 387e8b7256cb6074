import type { Client } from '../clients/client.entity';
import type { Page } from '../common/pagination/page';
import type { Readable } from '../confidentiality/content-category';
import { DataCategory } from '../confidentiality/data-category';
import { sealed, type Undisclosed } from '../confidentiality/disclosure';
import type { Activity } from './activity.entity';
import type { ActivityDto, ActivityPageDto } from './dto/activity.dto';
import type { ReferralTransitionDto } from './dto/referral-history.dto';
import type { ReferralDto } from './dto/referral.dto';
import type { ReferralScope } from '../confidentiality/case-access';
import type { ReferralTransition } from './referral-transition.entity';
import type { Referral } from './referral.entity';
import type { ReferralFields } from './referral-rows';
import { ACTIVE_STATES, ReferralState } from '../common/referral-states';

function party(o: { id: string; name: string } | undefined): { id: string; name: string } {
  if (!o) throw new Error('referral loaded without its parties');
  return { id: o.id, name: o.name };
}

function personRef<P extends { id: string; displayName: string }>(
  p: P | undefined,
): { id: string; displayName: string } | undefined {
  return p ? { id: p.id, displayName: p.displayName } : undefined;
}

/**
 * The referral as `scope` may see it. Built field by field for each side, so that a field
 * added to the entity reaches nobody until it is placed here on purpose. From the entity, or
 * from a list row (`ReferralFields<string>`: instants as ISO text, written as they are).
 */
export function toReferralDto(
  r: Referral | ReferralFields<string>,
  scope: ReferralScope,
  context: { today: string; client?: Client | null; readable?: Readable },
): ReferralDto {
  // Built by assignment onto one literal, not by spreading a common part into each side's
  // literal: the spreads cost a copy per row and showed in the list page's CPU profile. The
  // jobcenter sees its own time of change (a provider-internal change does not show).
  const dto: ReferralDto = {
    id: r.id,
    state: r.state,
    jobcenter: party(r.jobcenter),
    provider: party(r.provider),
    reasonCategory: r.reasonCategory,
    requestedServices: r.requestedServices,
    priority: r.priority,
    outcome: r.outcome,
    sentAt: r.sentAt,
    acceptedAt: r.acceptedAt,
    startedAt: r.startedAt,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: scope.kind === 'jobcenter' ? r.jobcenterUpdatedAt : r.updatedAt,
  };
  if (scope.kind === 'jobcenter') {
    dto.clientId = r.clientId;
    dto.caseManager = personRef(r.caseManager);
    dto.reasonText = r.reasonText;
    dto.goals = r.goals;
    // Participation content: only where the client released it (checked again at output).
    if (context.readable?.has(DataCategory.Participation)) dto.firstContactAt = r.firstContactAt;
    return dto;
  }
  // Never accepted (awaiting the decision, rejected, or cancelled before it): the provider
  // never learns more than it needed to decide; not even the client's id, which would link
  // this request to earlier referrals of the same person.
  if (r.state === ReferralState.Requested || r.acceptedAt === null) {
    if (context.client) {
      dto.clientSummary = {
        postcode: context.client.postcode,
        municipality: context.client.postcode === null ? context.client.municipality : null,
        noteToProvider: context.client.noteToProvider,
      };
    }
    return dto;
  }
  dto.clientId = r.clientId;
  dto.caseManager = personRef(r.caseManager);
  dto.reasonText = r.reasonText;
  dto.goals = r.goals;
  dto.assignedWorker = r.assignedWorker ? personRef(r.assignedWorker) : null;
  dto.firstContactDue = r.firstContactDue;
  dto.firstContactAt = r.firstContactAt;
  dto.overdue =
    r.firstContactAt === null &&
    r.firstContactDue !== null &&
    r.firstContactDue < context.today &&
    ACTIVE_STATES.includes(r.state);
  return dto;
}

/**
 * A history row. A reason that is case content (why the work ended or paused) is sealed with
 * its category; the disclosure step shows it only where that category is readable. People of
 * the other side are named by organisation only.
 */
export function toTransitionDto(
  t: ReferralTransition,
  scope: ReferralScope,
): Undisclosed<ReferralTransitionDto> {
  const ownSide =
    t.actorOrganisationId === (scope.kind === 'jobcenter' ? scope.jobcenterId : scope.providerId);
  return {
    id: t.id,
    action: t.action,
    fromState: t.fromState,
    toState: t.toState,
    reason: sealed(t.reasonCategory, t.reason),
    actor: {
      kind: t.actorKind,
      organisationId: t.actorOrganisationId,
      ...(ownSide ? { id: t.actorId } : {}),
    },
    occurredAt: t.occurredAt,
  };
}

export function toActivityDto(a: Activity): ActivityDto {
  return {
    id: a.id,
    referralId: a.referralId,
    kind: a.kind,
    occurredAt: a.occurredAt,
    durationMinutes: a.durationMinutes,
    reached: a.reached,
    note: a.note,
    recordedByKind: a.recordedByKind,
    recordedById: a.recordedById,
    createdAt: a.createdAt,
  };
}

/** A page of activities; `nothingReleased` tells the jobcenter why it may see none. */
export function toActivityPageDto(page: Page<Activity>, readable: Readable): ActivityPageDto {
  return {
    items: page.items.map(toActivityDto),
    nextCursor: page.nextCursor,
    nothingReleased: !readable.has(DataCategory.Participation),
  };
}
