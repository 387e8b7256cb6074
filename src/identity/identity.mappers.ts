import type { ApiKey } from './api-key.entity';
import type { ApiKeyDto } from './dto/api-key.dto';
import type { OrganisationDto } from './dto/organisation.dto';
import type { UserDto } from './dto/user.dto';
import type { Organisation } from './organisation.entity';
import type { User } from './user.entity';

export function toOrganisationDto(o: Organisation): OrganisationDto {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    active: o.active,
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
