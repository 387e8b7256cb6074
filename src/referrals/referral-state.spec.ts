import { nextState } from './referral-actions';
import { ReferralAction as A } from './referral-state';
import {
  ACTIVE_STATES,
  OPEN_STATES,
  ReferralState as S,
  TERMINAL_STATES,
} from '../common/referral-states';

/** docs/domain.md's transition table, written out cell by cell: action → from → to. */
const EXPECTED: Record<A, Partial<Record<S, S>>> = {
  [A.Send]: { [S.Draft]: S.Requested },
  [A.Accept]: { [S.Requested]: S.Accepted },
  [A.Reject]: { [S.Requested]: S.Rejected },
  [A.Start]: { [S.Accepted]: S.InProgress },
  [A.Pause]: { [S.InProgress]: S.OnHold },
  [A.Resume]: { [S.OnHold]: S.InProgress },
  [A.Complete]: { [S.Accepted]: S.Completed, [S.InProgress]: S.Completed, [S.OnHold]: S.Completed },
  [A.End]: { [S.Accepted]: S.Ended, [S.InProgress]: S.Ended, [S.OnHold]: S.Ended },
  [A.Cancel]: {
    [S.Requested]: S.Cancelled,
    [S.Accepted]: S.Cancelled,
    [S.InProgress]: S.Cancelled,
    [S.OnHold]: S.Cancelled,
  },
};

const cells = Object.values(A).flatMap((action) =>
  Object.values(S).map((from) => ({ action, from, to: EXPECTED[action][from] })),
);

describe('referral state machine', () => {
  it.each(cells)('$action from $from → $to', ({ action, from, to }) => {
    expect(nextState(action, from)).toBe(to);
  });

  it('never leaves a terminal state', () => {
    for (const state of TERMINAL_STATES) {
      for (const action of Object.values(A)) expect(nextState(action, state)).toBeUndefined();
    }
  });

  it('open = sent and not closed; active = accepted and not closed', () => {
    expect([...OPEN_STATES].sort()).toEqual(
      Object.values(S)
        .filter((s) => s !== S.Draft && !TERMINAL_STATES.includes(s))
        .sort(),
    );
    expect(ACTIVE_STATES.every((s) => OPEN_STATES.includes(s))).toBe(true);
    expect(ACTIVE_STATES).not.toContain(S.Requested);
  });
});
