import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Disclosed } from '../confidentiality/disclosed';
import { setEtag } from '../common/concurrency/preconditions';
import type { ReferralDto } from './dto/referral.dto';
import { toReferralDto } from './referral.mappers';
import { referralScopeOf } from '../confidentiality/case-access';
import { versionSeenBy, type ReferralRead } from './referrals.service';
import { todayInGermany } from '../common/calendar';

/**
 * One referral as the response of a route: the caller's view of it, with its ETag, cut down at
 * output to what the service found it may read.
 */
export function referralResponse(
  actor: Actor,
  reply: FastifyReply,
  { referral, client, readable }: ReferralRead,
): Disclosed<ReferralDto> {
  const scope = referralScopeOf(actor);
  setEtag(reply, versionSeenBy(scope, referral));
  return new Disclosed(
    toReferralDto(referral, scope, { today: todayInGermany(), client, readable }),
    readable,
  );
}
