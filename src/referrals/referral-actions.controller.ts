import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { IfMatch } from '../common/concurrency/preconditions';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { Disclosed, Discloses } from '../confidentiality/disclosed';
import { ApiTag } from '../common/openapi/tags';
import { ReferralDto } from './dto/referral.dto';
import {
  ACTION_PROBLEMS,
  type ActionInput,
  type ActionRoute,
  ASSIGN_ROUTE,
  REFERRAL_ACTIONS,
} from './referral-actions';
import { ReferralAction } from './referral-state';
import { referralResponse } from './referral-view';
import { ReferralsService, type ReferralRead } from './referrals.service';

/** What a route does once Nest has checked the permission, the id, `If-Match` and the body. */
type CarryOut<Controller> = (
  controller: Controller,
  actor: Actor,
  id: string,
  version: number,
  input: ActionInput,
) => Promise<ReferralRead>;

/**
 * Declares `POST /referrals/{id}/<path>` on the controller, handler (and operationId)
 * `<path>Referral`, with what a handler written out would declare: its OpenAPI text, the
 * permission, `If-Match`, the body DTO for the validation pipe (`design:paramtypes`), the problem
 * answers, and the referral with its new ETag as the answer. Decorators apply bottom-up, as the
 * compiler applies those of a written handler, so the document is the same.
 */
function declareActionRoute<Controller extends object>(
  controller: { prototype: Controller },
  path: string,
  route: ActionRoute,
  carryOut: CarryOut<Controller>,
): void {
  const name = `${path}Referral`;
  async function handler(
    this: Controller,
    actor: Actor,
    id: string,
    version: number,
    reply: FastifyReply,
    input: ActionInput = {},
  ): Promise<Disclosed<ReferralDto>> {
    return referralResponse(actor, reply, await carryOut(this, actor, id, version, input));
  }
  Object.defineProperty(handler, 'name', { value: name });
  const parameter =
    (decorator: ParameterDecorator, index: number): MethodDecorator =>
    (target, key) =>
      decorator(target, key, index);
  const target = controller.prototype;
  const descriptor = { value: handler, writable: true, configurable: true, enumerable: false };
  Object.defineProperty(target, name, descriptor);
  // Applied on its own: the compiler holds the handler to `Disclosed<ReferralDto>` (ADR 0014).
  Discloses(ReferralDto)(target, name, descriptor);
  const decorated = Reflect.decorate(
    [
      ApiOperation({ summary: `${route.summary}\n\n${route.description.join('\n')}` }),
      Post(path),
      HttpCode(200),
      Can(route.permission),
      ApiOkResponse({ type: ReferralDto }),
      ApiProblemResponses({ ...ACTION_PROBLEMS, ...route.problems }),
      parameter(CurrentActor(), 0),
      parameter(UuidParam('id'), 1),
      parameter(IfMatch(), 2),
      parameter(Res({ passthrough: true }), 3),
      ...(route.body ? [parameter(Body(), 4)] : []),
      Reflect.metadata('design:type', Function),
      Reflect.metadata('design:paramtypes', [Object, String, Number, Object, route.body ?? Object]),
      Reflect.metadata('design:returntype', Promise),
    ],
    target,
    name,
    descriptor,
  );
  Object.defineProperty(target, name, decorated ?? descriptor);
}

/**
 * The state machine of docs/domain.md, one route per action (FHIR Task vocabulary), and assign.
 * Every action needs `If-Match` with the referral's ETag and answers the referral with its new
 * ETag. The routes are not written out: each follows from its row of `REFERRAL_ACTIONS`.
 */
@ApiTags(ApiTag.Referrals)
@Controller('referrals/:id')
export class ReferralActionsController {
  constructor(private readonly referrals: ReferralsService) {}

  static {
    for (const action of Object.values(ReferralAction)) {
      declareActionRoute(
        this,
        action,
        REFERRAL_ACTIONS[action],
        (self, actor, id, version, input) => self.referrals.act(actor, id, version, action, input),
      );
    }
    declareActionRoute(this, 'assign', ASSIGN_ROUTE, (self, actor, id, version, input) =>
      self.referrals.assign(actor, id, version, input.assignedWorkerId ?? ''),
    );
  }
}
