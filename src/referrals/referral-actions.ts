import type { Type } from '@nestjs/common';
import { Permission } from '../auth/permission';
import { DataCategory } from '../confidentiality/data-category';
import {
  AcceptReferralDto,
  AssignReferralDto,
  CancelReferralDto,
  CompleteReferralDto,
  EndReferralDto,
  PauseReferralDto,
  RejectReferralDto,
} from './dto/referral-actions.dto';
import {
  CancelReason,
  CompletionOutcome,
  EndReason,
  PauseReason,
  RejectReason,
} from './referral-codes';
import { ReferralAction, type ReferralSide } from './referral-state';
import { ReferralState } from '../common/referral-states';
import type { ReferralEventType } from '../events/event-types';

/**
 * The body of an action as the service reads it: the code fields a row of `REFERRAL_ACTIONS`
 * may record, or the worker to assign. A new code field is added here.
 */
export interface ActionInput {
  reason?: string;
  outcome?: string;
  assignedWorkerId?: string;
}

/** Problem answers every action route documents; a row adds or overrides its own. */
export const ACTION_PROBLEMS: Readonly<Record<404 | 409 | 412 | 428, string>> = {
  404: 'No such referral, or not visible to you.',
  409: 'The action is not allowed in the referral’s state.',
  412: 'The referral changed since its ETag was read.',
  428: 'If-Match is missing.',
};

/**
 * What the route of an action declares: the permission `@Can()` demands, the body it validates
 * and its OpenAPI text. The route itself (path and operationId from the action's name,
 * `If-Match`, the referral as answer) is the same for every action (referral-actions.controller.ts).
 */
export interface ActionRoute<Body extends object = object> {
  readonly permission: Permission;
  /** The body DTO, validated by the global pipe; null: the action takes no body. */
  readonly body: Type<Body> | null;
  /** The operation's summary: one line. */
  readonly summary: string;
  /**
   * The operation's description, line by line as the committed `openapi.json` has it; the
   * document builder appends the permission and who holds it.
   */
  readonly description: readonly string[];
  /** Problem answers beyond `ACTION_PROBLEMS`, or other texts for theirs. */
  readonly problems?: Readonly<Record<number, string>>;
}

/** The data category of each code a body field can carry; null: commissioning data. */
type CodeCategories<Code> = [Code] extends [string]
  ? string extends Code
    ? never
    : Readonly<Record<Code, DataCategory | null>>
  : never;

/**
 * Every field of an action's body but the id of an object (`…Id`), with each of its codes
 * classified: a data category when the code is case content that the jobcenter reads only as the
 * client released it, null when it is commissioning data the jobcenter always sees. A field of
 * free text cannot be classified code by code (its entry is `never`), so no action may take one.
 */
export type ReasonCategories<Body> = {
  readonly [Field in keyof Body as Field extends `${string}Id` ? never : Field]-?: CodeCategories<
    NonNullable<Body[Field]>
  >;
};

/** The fields of a classification whose every code is commissioning data (all null). */
type CommissioningFields<Reasons> = {
  [Field in keyof Reasons]: Reasons[Field][keyof Reasons[Field]] extends null ? Field : never;
}[keyof Reasons];

/** The business event an action announces through the outbox (ADR 0019). */
export type { ReferralEventType };

/** A row of the action table as written, checked against its body type by `referralAction`. */
interface ReferralActionDeclaration<
  Body extends object,
  Reasons extends ReasonCategories<Body>,
> extends ActionRoute<Body> {
  /** The states the action leaves from; any other is `409 transition-not-allowed`. */
  readonly from: readonly ReferralState[];
  readonly to: ReferralState;
  /** The side of the referral that acts; the other side's caller gets `404`. */
  readonly side: ReferralSide;
  readonly reasons: Reasons;
  /**
   * History: the body field whose code the action's history row keeps as its reason, sealed
   * with the code's data category (null: the row has no reason).
   */
  readonly recordsReason: Extract<keyof Reasons, keyof ActionInput> | null;
  /**
   * The body field whose code becomes the referral's `outcome`, which the jobcenter always
   * sees: only a field whose codes are all commissioning data.
   */
  readonly setsOutcome: Extract<CommissioningFields<Reasons>, keyof ActionInput> | null;
  readonly event: ReferralEventType;
  /** The action as the participle of "cannot be …", for `409 transition-not-allowed`. */
  readonly participle: string;
}

const CLASSIFIED: unique symbol = Symbol('reasons classified');

/** A row of the action table, its reasons classified; only `referralAction` makes one. */
export interface ReferralActionSpec extends ActionRoute {
  readonly from: readonly ReferralState[];
  readonly to: ReferralState;
  readonly side: ReferralSide;
  readonly reasons: Readonly<Record<string, Readonly<Record<string, DataCategory | null>>>>;
  readonly recordsReason: keyof ActionInput | null;
  readonly setsOutcome: keyof ActionInput | null;
  readonly event: ReferralEventType;
  readonly participle: string;
  readonly [CLASSIFIED]: true;
}

/**
 * One row of the action table. The compiler infers the body type and refuses the row unless
 * every code of every body field is classified (`ReasonCategories`), the recorded reason is one of
 * them, and the outcome shown to the jobcenter is commissioning data.
 */
export function referralAction<Body extends object, const Reasons extends ReasonCategories<Body>>(
  declaration: ReferralActionDeclaration<Body, Reasons>,
): ReferralActionSpec {
  return { ...declaration, [CLASSIFIED]: true };
}

const S = ReferralState;
const WORKING = [S.Accepted, S.InProgress, S.OnHold] as const;

/**
 * Every action of the referral workflow (docs/domain.md, "Referral workflow"), declared once.
 * The routes, the state machine (`nextState`), the reason categories of the history, the
 * participles of `TransitionNotAllowed` and, through the routes' permissions,
 * docs/authorization.md follow from it. What an action changes besides the state, the recorded
 * reason and the outcome is `ReferralsService.effectsOf`. docs/recipes.md: adding an action.
 */
export const REFERRAL_ACTIONS: Readonly<Record<ReferralAction, ReferralActionSpec>> = {
  [ReferralAction.Send]: referralAction({
    from: [S.Draft],
    to: S.Requested,
    side: 'jobcenter',
    permission: Permission.ReferralSend,
    body: null,
    reasons: {},
    recordsReason: null,
    setsOutcome: null,
    event: 'referral.sent',
    participle: 'sent',
    summary: 'Send a referral to the provider',
    description: [
      'draft → requested: the provider (Träger) receives the referral. Needs a contract with the',
      'provider that is valid today, covers the requested services and has a free place (else `422` or',
      "`409 no-capacity`). Send `If-Match` with the referral's `ETag`.",
    ],
    problems: {
      409: 'Not a draft, or no free place left under the contracts with this provider.',
      422: 'No contract with this provider is valid today and covers the requested services.',
    },
  }),
  [ReferralAction.Accept]: referralAction({
    from: [S.Requested],
    to: S.Accepted,
    side: 'provider',
    permission: Permission.ReferralAccept,
    body: AcceptReferralDto,
    reasons: {},
    recordsReason: null,
    setsOutcome: null,
    event: 'referral.accepted',
    participle: 'accepted',
    summary: 'Accept a referral (Zusage)',
    description: [
      'requested → accepted: the provider takes the case on and assigns a worker; the first contact',
      "falls due. Send `If-Match` with the referral's `ETag`.",
    ],
    problems: { 422: 'The worker is not an active worker or lead of your organisation.' },
  }),
  [ReferralAction.Reject]: referralAction({
    from: [S.Requested],
    to: S.Rejected,
    side: 'provider',
    permission: Permission.ReferralReject,
    body: RejectReferralDto,
    // The Absage is about the provider's capacity and fit, decided before any contact.
    reasons: {
      reason: {
        [RejectReason.NoCapacity]: null,
        [RejectReason.OutsideServiceArea]: null,
        [RejectReason.NotSuitable]: null,
        [RejectReason.Other]: null,
      },
    },
    recordsReason: 'reason',
    setsOutcome: 'reason',
    event: 'referral.rejected',
    participle: 'rejected',
    summary: 'Reject a referral (Absage)',
    description: [
      'requested → rejected, with a reason code (no capacity, outside the service area, not suitable,',
      "other). Send `If-Match` with the referral's `ETag`.",
    ],
  }),
  [ReferralAction.Start]: referralAction({
    from: [S.Accepted],
    to: S.InProgress,
    side: 'provider',
    permission: Permission.ReferralStart,
    body: null,
    reasons: {},
    recordsReason: null,
    setsOutcome: null,
    event: 'referral.started',
    participle: 'started',
    summary: 'Start the work',
    description: [
      'accepted → in_progress: first contact made and the client agreed to take part. Send `If-Match`',
      "with the referral's `ETag`.",
    ],
  }),
  [ReferralAction.Pause]: referralAction({
    from: [S.InProgress],
    to: S.OnHold,
    side: 'provider',
    permission: Permission.ReferralPause,
    body: PauseReferralDto,
    // Why the work pauses is participation; a hospital stay is health data.
    reasons: {
      reason: {
        [PauseReason.HospitalStay]: DataCategory.Health,
        [PauseReason.ClientRequest]: DataCategory.Participation,
        [PauseReason.Other]: DataCategory.Participation,
      },
    },
    recordsReason: 'reason',
    setsOutcome: null,
    event: 'referral.paused',
    participle: 'paused',
    summary: 'Pause the work',
    description: [
      'in_progress → on_hold, e.g. during a hospital stay, with a reason code. Send `If-Match` with',
      "the referral's `ETag`.",
    ],
  }),
  [ReferralAction.Resume]: referralAction({
    from: [S.OnHold],
    to: S.InProgress,
    side: 'provider',
    permission: Permission.ReferralResume,
    body: null,
    reasons: {},
    recordsReason: null,
    setsOutcome: null,
    event: 'referral.resumed',
    participle: 'resumed',
    summary: 'Resume the work',
    description: ["on_hold → in_progress. Send `If-Match` with the referral's `ETag`."],
  }),
  [ReferralAction.Complete]: referralAction({
    from: WORKING,
    to: S.Completed,
    side: 'provider',
    permission: Permission.ReferralComplete,
    body: CompleteReferralDto,
    reasons: {
      outcome: {
        [CompletionOutcome.GoalsReached]: null,
        [CompletionOutcome.HandedOver]: null,
        [CompletionOutcome.Other]: null,
      },
    },
    recordsReason: 'outcome',
    setsOutcome: 'outcome',
    event: 'referral.completed',
    participle: 'completed',
    summary: 'Complete a referral',
    description: [
      'accepted, in_progress or on_hold → completed, with an outcome code that the jobcenter sees.',
      "Send `If-Match` with the referral's `ETag`.",
    ],
  }),
  [ReferralAction.End]: referralAction({
    from: WORKING,
    to: S.Ended,
    side: 'provider',
    permission: Permission.ReferralEnd,
    body: EndReferralDto,
    // The sanction firewall: why the work ended early is participation, whatever the code.
    reasons: {
      reason: {
        [EndReason.ClientUnreachable]: DataCategory.Participation,
        [EndReason.ClientDeclined]: DataCategory.Participation,
        [EndReason.ClientWithdrew]: DataCategory.Participation,
        [EndReason.Other]: DataCategory.Participation,
      },
    },
    recordsReason: 'reason',
    setsOutcome: null,
    event: 'referral.ended',
    participle: 'ended',
    summary: 'End a referral early',
    description: [
      'accepted, in_progress or on_hold → ended. The reason is participation content: the jobcenter',
      'sees that the referral ended, not why, unless the client released it. Send `If-Match` with the',
      "referral's `ETag`.",
    ],
  }),
  [ReferralAction.Cancel]: referralAction({
    from: [S.Requested, ...WORKING],
    to: S.Cancelled,
    side: 'jobcenter',
    permission: Permission.ReferralCancel,
    body: CancelReferralDto,
    // The jobcenter's own reasons, known to it already.
    reasons: {
      reason: {
        [CancelReason.ClientMovedAway]: null,
        [CancelReason.NoLongerNeeded]: null,
        [CancelReason.Other]: null,
      },
    },
    recordsReason: 'reason',
    setsOutcome: 'reason',
    event: 'referral.cancelled',
    participle: 'cancelled',
    summary: 'Cancel a referral',
    description: [
      'requested, accepted, in_progress or on_hold → cancelled, by the jobcenter, with a reason code.',
      "Send `If-Match` with the referral's `ETag`.",
    ],
  }),
};

/**
 * Handing the case to another worker: a route like an action's, but no transition (the state
 * stays, no history row), so not a row of the state machine.
 */
export const ASSIGN_ROUTE: ActionRoute<AssignReferralDto> = {
  permission: Permission.ReferralAssign,
  body: AssignReferralDto,
  summary: 'Hand a referral to another worker',
  description: [
    'Assigns an accepted referral to another worker of the provider; the state does not change. Send',
    "`If-Match` with the referral's `ETag`.",
  ],
  problems: { 422: 'The worker is not an active worker or lead of your organisation.' },
};

/** The state an action leads to from `from`, or undefined when it is not allowed there. */
export function nextState(action: ReferralAction, from: ReferralState): ReferralState | undefined {
  const { from: sources, to } = REFERRAL_ACTIONS[action];
  return sources.includes(from) ? to : undefined;
}

/**
 * The data category of the reason a history row keeps, when it is case content withheld from the
 * jobcenter until consent releases it; null for commissioning data or no reason. A code the
 * table does not know (the body's validation makes that impossible) is sealed as participation.
 */
export function reasonCategoryOf(
  action: ReferralAction | null,
  reason: string | undefined,
): DataCategory | null {
  if (action === null || reason === undefined) return null;
  const { recordsReason, reasons } = REFERRAL_ACTIONS[action];
  if (recordsReason === null) return null;
  const codes = reasons[recordsReason];
  return Object.hasOwn(codes, reason) ? codes[reason] : DataCategory.Participation;
}
