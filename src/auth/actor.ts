import type { OrganisationKind } from '../common/organisation-kind';
import type { Permission } from './permission';
import type { ApiKeyScope, Role } from './role';

interface ActorBase {
  organisationId: string;
  organisationKind: OrganisationKind;
  permissions: ReadonlySet<Permission>;
  /** The request's id, for audit events. */
  requestId: string;
}

/** A person signed in with an access token; `sessionId` is the session the token names. */
export interface UserActor extends ActorBase {
  kind: 'user';
  userId: string;
  sessionId: string;
  roles: readonly Role[];
}

/** A provider system calling with an API key. */
export interface ApiKeyActor extends ActorBase {
  kind: 'api_key';
  apiKeyId: string;
  scopes: readonly ApiKeyScope[];
}

/** Who is calling, as the global access guard established it. */
export type Actor = UserActor | ApiKeyActor;

/** The fields an audit event records about its actor. */
export interface AuditActorFields {
  actorKind: 'user' | 'api_key' | 'anonymous' | 'system';
  actorId: string | null;
  organisationId: string | null;
}

export function auditActorOf(actor: Actor): AuditActorFields {
  return {
    actorKind: actor.kind,
    actorId: actor.kind === 'user' ? actor.userId : actor.apiKeyId,
    organisationId: actor.organisationId,
  };
}

export const ANONYMOUS: AuditActorFields = {
  actorKind: 'anonymous',
  actorId: null,
  organisationId: null,
};
