import type { Role } from '../../../src/auth/role';
import type { TestApiKey, TestUser } from '../../factories/identity';
import type { HttpActor } from '../../support/http';
import type { MatrixWorld, SideIndex } from './world';

/** The callers of the matrix, in the order of `authz-matrix.json`'s columns. */
export const ACTOR_NAMES = [
  'anonymous',
  'caseworkerA',
  'caseworkerB',
  'jobcenterLeadA',
  'workerP1',
  'otherWorkerP1',
  'providerLeadP1',
  'providerLeadP2',
  'auditorA',
  'admin',
  'apiKeyP1',
  'apiKeyP2',
  'partnerA',
  'partnerB',
] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export interface MatrixActor {
  name: ActorName;
  /** The side whose objects are the actor's own (anonymous and the admin: side 0). */
  side: SideIndex;
  user?: TestUser;
  key?: TestApiKey;
  roles?: readonly Role[];
  /** The organisation the actor belongs to, if any. */
  organisationId?: string;
  /** Who the requests are sent as. */
  as: HttpActor;
}

export function actorsOf(world: MatrixWorld): Record<ActorName, MatrixActor> {
  const { base, sides } = world;
  const person = (name: ActorName, user: TestUser, side: SideIndex): MatrixActor => ({
    name,
    side,
    user,
    roles: user.actor.roles,
    organisationId: user.organisationId,
    as: user,
  });
  const key = (name: ActorName, apiKey: TestApiKey, side: SideIndex): MatrixActor => ({
    name,
    side,
    key: apiKey,
    organisationId: apiKey.organisationId,
    as: apiKey,
  });
  return {
    anonymous: { name: 'anonymous', side: 0, as: 'anonymous' },
    caseworkerA: person('caseworkerA', base.caseworkerA, 0),
    caseworkerB: person('caseworkerB', base.caseworkerB, 1),
    jobcenterLeadA: person('jobcenterLeadA', base.leadA, 0),
    workerP1: person('workerP1', base.workerP1, 0),
    otherWorkerP1: person('otherWorkerP1', base.otherWorkerP1, 0),
    providerLeadP1: person('providerLeadP1', base.leadP1, 0),
    providerLeadP2: person('providerLeadP2', base.leadP2, 1),
    auditorA: person('auditorA', base.auditorA, 0),
    admin: person('admin', base.admin, 0),
    apiKeyP1: key('apiKeyP1', sides[0].apiKey, 0),
    apiKeyP2: key('apiKeyP2', sides[1].apiKey, 1),
    partnerA: person('partnerA', sides[0].partnerStaff, 0),
    partnerB: person('partnerB', sides[1].partnerStaff, 1),
  };
}
