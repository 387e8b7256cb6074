import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ApprovalRequest } from './approval-request.entity';
import { ApprovalRequestDto } from './dto/approval-request.dto';
import { toApprovalRequestDto } from './identity.mappers';

/** Where an approval request is read: the `Location` of a `202`. */
export function approvalRequestPath(id: string): string {
  return `/api/v1/approval-requests/${id}`;
}

/**
 * An operator admin's change that grants access was filed for approval (ADR 0008): `202
 * Accepted`, the request as the body, its URL in `Location`.
 */
export function answerRequested(reply: FastifyReply, request: ApprovalRequest): ApprovalRequestDto {
  void reply.status(202).header('Location', approvalRequestPath(request.id));
  return toApprovalRequestDto(request);
}

/** Documents the `202` of a route on which an operator admin's change awaits approval. */
export function ApiApprovalRequested(what: string): MethodDecorator {
  return applyDecorators(
    ApiAcceptedResponse({
      type: ApprovalRequestDto,
      description:
        `An operator admin's ${what} takes effect only when the organisation's lead (or, where ` +
        'it has none, another admin) approves it: this is the approval request. Nothing that ' +
        'grants access is made or shown to the admin.',
      headers: {
        Location: {
          description: 'The approval request (`GET /approval-requests/{id}`).',
          schema: { type: 'string', maxLength: 80 },
        },
      },
    }),
  );
}
