import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import type { Client } from '../clients/client.entity';
import { setEtag } from '../common/concurrency/preconditions';
import type { ReferralDto } from './dto/referral.dto';
import { toReferralDto } from './referral.mappers';
import type { Referral } from './referral.entity';
import { referralScopeOf } from './referrals.service';
import { todayInGermany } from '../common/calendar';

/** One referral as the response of a route: the caller's view of it, with its ETag. */
export function referralResponse(
  actor: Actor,
  reply: FastifyReply,
  referral: Referral,
  client?: Client | null,
): ReferralDto {
  setEtag(reply, referral.version);
  return toReferralDto(referral, referralScopeOf(actor), { today: todayInGermany(), client });
}
