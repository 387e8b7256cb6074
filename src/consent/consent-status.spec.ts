import { consentStatusOf, ConsentStatus } from './consent-status';

const open = { revokedAt: null };
const revoked = { revokedAt: new Date('2026-11-21T10:00:00Z') };

describe('consentStatusOf', () => {
  it.each([
    ['given', [open, revoked], false, false, ConsentStatus.Given],
    [
      'withdrawn before superseded and expired',
      [revoked, revoked],
      true,
      true,
      ConsentStatus.Withdrawn,
    ],
    ['superseded before expired', [open], true, true, ConsentStatus.Superseded],
    ['expired', [open], false, true, ConsentStatus.Expired],
  ])('%s', (_name, grants, superseded, expired, status) => {
    expect(consentStatusOf({ grants, superseded, expired })).toBe(status);
  });
});
