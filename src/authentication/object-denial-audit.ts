import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { ActionNotAllowed, ResourceNotFound } from '../common/problem/domain-error';
import { recordAccessDenied } from './access-denial';

/** Why an object-level denial happened; the caller sees only a plain 404. */
export const NOT_FOUND_OR_NOT_VISIBLE = 'not-found-or-not-visible';
/** A 403 on an object the caller may know (`ActionNotAllowed`): the problem kind says why. */
export const ACTION_NOT_ALLOWED = 'action-not-allowed';

/**
 * Object-level denials are audited like function-level ones (docs/security.md: every denial leaves
 * one `access.denied` entry). The access guard records the 403s; a foreign or missing object
 * surfaces as `ResourceNotFound` from a service (and an action refused on a known object as
 * `ActionNotAllowed`, a 403), and the problem filter asks this class to record it for the
 * authenticated caller before it answers (`configureApp`). That is after the handler's
 * transaction has ended (committed or rolled back), so the event is written on its own and never
 * waits for a held connection (PGlite has one). Unknown routes and anonymous callers carry no
 * actor, so neither is recorded here. Request bodies are never recorded. Only an error costs
 * anything: a request that succeeds never reaches it.
 */
@Injectable()
export class ObjectDenialAudit {
  constructor(private readonly audit: AuditService) {}

  /** The `access.denied` entry for `error`, written; `undefined` when `error` is no object-level denial. */
  recordFor(error: unknown, request: FastifyRequest): Promise<void> | undefined {
    const actor = request.actor;
    const notFound = error instanceof ResourceNotFound;
    if (!actor || !(notFound || error instanceof ActionNotAllowed)) return undefined;
    const { id } = (request.params ?? {}) as { id?: unknown };
    return recordAccessDenied(this.audit, request, actor, {
      reason: notFound ? NOT_FOUND_OR_NOT_VISIBLE : ACTION_NOT_ALLOWED,
      ...(error instanceof ActionNotAllowed ? { problem: error.kind } : {}),
      resource: error.resource,
      id: typeof id === 'string' ? id : null,
    });
  }
}
