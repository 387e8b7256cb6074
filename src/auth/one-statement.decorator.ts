import { SetMetadata } from '@nestjs/common';
import type { OrganisationKind } from '../common/organisation-kind';
import { ONE_STATEMENT } from './access-metadata';

/**
 * Marks a route whose first statement, for callers of the given organisation kinds, takes the
 * request's gate (`takeGate`, statement-gate.ts): the access guard then sends no statement of
 * its own for a bearer token whose principal it has seen before, and the route's statement
 * proves the session and counts the request (docs/architecture/0024, "The guard's statement
 * folded into the route's"). Only for routes whose first statement for those callers takes the
 * gate; `test/performance/folded-guard.spec.ts` holds each one to it.
 */
export const OneStatement = (...kinds: OrganisationKind[]): MethodDecorator =>
  SetMetadata(ONE_STATEMENT, kinds);
