import { ACTION_PARTICIPLES, TransitionNotAllowed } from './referral-errors';
import { ReferralAction } from './referral-state';

describe('TransitionNotAllowed', () => {
  it('reads as English for every action', () => {
    const texts = Object.values(ReferralAction).map(
      (action) => new TransitionNotAllowed(action, 'completed').message,
    );
    expect(texts).toEqual([
      'A referral in state completed cannot be sent.',
      'A referral in state completed cannot be accepted.',
      'A referral in state completed cannot be rejected.',
      'A referral in state completed cannot be started.',
      'A referral in state completed cannot be paused.',
      'A referral in state completed cannot be resumed.',
      'A referral in state completed cannot be completed.',
      'A referral in state completed cannot be ended.',
      'A referral in state completed cannot be cancelled.',
    ]);
    expect(Object.keys(ACTION_PARTICIPLES).sort()).toEqual(Object.values(ReferralAction).sort());
  });
});
