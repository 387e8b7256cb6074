import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import type { Client } from '../clients/client.entity';
import { EVERYTHING, NOTHING, type Readable } from '../confidentiality/content-category';
import { Disclosed } from '../confidentiality/disclosed';
import { setEtag } from '../common/concurrency/preconditions';
import type { ReferralDto } from './dto/referral.dto';
import { toReferralDto } from './referral.mappers';
import type { Referral } from './referral.entity';
import { referralScopeOf } from '../confidentiality/case-access';
import { versionSeenBy } from './referrals.service';
import { todayInGermany } from '../common/calendar';

/** One referral as the response of a route: the caller's view of it, with its ETag. */
export function referralResponse(
  actor: Actor,
  reply: FastifyReply,
  referral: Referral,
  client?: Client | null,
  released?: Readable,
): Disclosed<ReferralDto> {
  const scope = referralScopeOf(actor);
  setEtag(reply, versionSeenBy(scope, referral));
  // The provider authored all provider content; the jobcenter reads what was released to it.
  const readable = scope.kind === 'provider' ? EVERYTHING : (released ?? NOTHING);
  return new Disclosed(
    toReferralDto(referral, scope, { today: todayInGermany(), client, readable }),
    readable,
  );
}
