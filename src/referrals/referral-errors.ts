import { DomainError } from '../common/problem/domain-error';
import { REFERRAL_ACTIONS } from './referral-actions';
import { ReferralAction } from './referral-state';

/** Each action as the participle of "cannot be …", from its row of the action table. */
export const ACTION_PARTICIPLES: Readonly<Record<ReferralAction, string>> = Object.fromEntries(
  Object.values(ReferralAction).map((action) => [action, REFERRAL_ACTIONS[action].participle]),
) as Record<ReferralAction, string>;

export class TransitionNotAllowed extends DomainError {
  readonly kind = 'transition-not-allowed';
  readonly status = 409;
  readonly title = 'Not allowed in this state';

  constructor(action: ReferralAction, state: string) {
    super(`A referral in state ${state} cannot be ${ACTION_PARTICIPLES[action]}.`, {
      action,
      state,
    });
  }
}

export class ReferralNotDraft extends DomainError {
  readonly kind = 'referral-not-draft';
  readonly status = 409;
  readonly title = 'Only a draft can be changed';

  constructor() {
    super('The referral has been sent; only drafts can be changed.');
  }
}

export class ReferralNotActive extends DomainError {
  readonly kind = 'referral-not-active';
  readonly status = 409;
  readonly title = 'The referral is not being worked on';

  constructor() {
    super('Only an accepted, running or paused referral takes activities and assignments.');
  }
}

export class NoValidContract extends DomainError {
  readonly kind = 'no-valid-contract';
  readonly status = 422;
  readonly title = 'No valid contract';

  constructor() {
    super(
      'Your jobcenter has no contract with this provider that is valid today and covers every requested service.',
    );
  }
}

export class NoCapacity extends DomainError {
  readonly kind = 'no-capacity';
  readonly status = 409;
  readonly title = 'No free place';

  constructor() {
    super('Every contract with this provider is at capacity. Try again later or another provider.');
  }
}

export class WorkerNotAssignable extends DomainError {
  readonly kind = 'worker-not-assignable';
  readonly status = 422;
  readonly title = 'Worker cannot be assigned';

  constructor() {
    super('assignedWorkerId must be an active provider worker or lead of your organisation.');
  }
}
