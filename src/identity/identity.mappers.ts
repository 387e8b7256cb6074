import type { IssuedActivationCode } from './activation-codes.service';
import type { ApiKey } from './api-key.entity';
import type { NewApiKey } from './api-keys.service';
import { ApprovalKind, type ApprovalRequest } from './approval-request.entity';
import { stateOf, type ApprovalOutcome } from './approval-requests.service';
import type { ActivationCodeDto } from './dto/activation-code.dto';
import type { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import type { ApprovalOutcomeDto, ApprovalRequestDto } from './dto/approval-request.dto';
import type { OrganisationDto } from './dto/organisation.dto';
import type { CreatedUserDto, UserDto } from './dto/user.dto';
import type { Organisation } from './organisation.entity';
import type { User } from './user.entity';
import type { NewMember } from './users.service';

export function toOrganisationDto(o: Organisation): OrganisationDto {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    active: o.active,
    federalState: o.federalState,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** Never the password hash: only these fields leave the identity module. */
export function toUserDto(u: User): UserDto {
  if (!u.organisation) throw new Error('toUserDto needs the user with their organisation');
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    organisation: { id: u.organisation.id, name: u.organisation.name, kind: u.organisation.kind },
    roles: u.roles,
    active: u.active,
    passwordSet: u.passwordHash !== null,
    passwordChangedAt: u.passwordChangedAt,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

/** Never the secret or its hash. */
export function toApiKeyDto(k: ApiKey): ApiKeyDto {
  return {
    id: k.id,
    organisationId: k.organisationId,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
    lastUsedAt: k.lastUsedAt,
    createdAt: k.createdAt,
    createdBy: k.createdBy,
  };
}

/** The code itself: only in the one answer that issues it. */
export function toActivationCodeDto(a: IssuedActivationCode): ActivationCodeDto {
  return { userId: a.userId, code: a.code, purpose: a.purpose, expiresAt: a.expiresAt };
}

export function toCreatedUserDto(m: NewMember): CreatedUserDto {
  return { ...toUserDto(m.user), activation: toActivationCodeDto(m.activation) };
}

/** The key itself: only in the one answer that makes it. */
export function toCreatedApiKeyDto(k: NewApiKey): CreatedApiKeyDto {
  return { ...toApiKeyDto(k.apiKey), key: k.key };
}

/** The ask and its decision; a request never holds a credential. */
export function toApprovalRequestDto(r: ApprovalRequest): ApprovalRequestDto {
  return {
    id: r.id,
    organisationId: r.organisationId,
    kind: r.kind,
    status: stateOf(r),
    targetUserId: r.targetUserId,
    newUser:
      r.kind === ApprovalKind.UserCreate
        ? { email: r.email!, displayName: r.displayName!, roles: r.roles ?? [] }
        : null,
    userChange:
      r.kind === ApprovalKind.UserUpdate
        ? { addRoles: r.roles ?? [], reactivate: r.reactivate === true }
        : null,
    newApiKey:
      r.kind === ApprovalKind.ApiKeyCreate
        ? { name: r.apiKeyName!, scopes: r.apiKeyScopes ?? [], expiresAt: r.apiKeyExpiresAt }
        : null,
    identitySubject: r.kind === ApprovalKind.IdentityLinkCreate ? r.subject : null,
    requestedBy: r.requestedBy,
    requestedAt: r.createdAt,
    expiresAt: r.expiresAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    resultId: r.resultId,
  };
}

export function toApprovalOutcomeDto(o: ApprovalOutcome): ApprovalOutcomeDto {
  return {
    request: toApprovalRequestDto(o.request),
    user: o.user ? toUserDto(o.user) : null,
    activation: o.activation ? toActivationCodeDto(o.activation) : null,
    apiKey: o.apiKey ? toCreatedApiKeyDto(o.apiKey) : null,
  };
}
