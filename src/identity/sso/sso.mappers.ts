import type { IdentityLinkDto } from './dto/identity-link.dto';
import type { IdentityProviderDto } from './dto/identity-provider.dto';
import type { IdentityLink } from './identity-link.entity';
import type { IdentityProvider } from './identity-provider.entity';

export function toIdentityProviderDto(p: IdentityProvider): IdentityProviderDto {
  return {
    id: p.id,
    organisationId: p.organisationId,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecretSet: p.clientSecretEnc !== null,
    rolesClaim: p.rolesClaim,
    roleMapping: p.roleMapping.map(({ value, role }) => ({ value, role })),
    passwordLogin: p.passwordLogin,
    active: p.active,
    loginPath: `/api/v1/auth/oidc/${p.organisationId}/login`,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toIdentityLinkDto(l: IdentityLink & { organisationId: string }): IdentityLinkDto {
  return {
    id: l.id,
    organisationId: l.organisationId,
    providerId: l.providerId,
    subject: l.subject,
    userId: l.userId,
    createdBy: l.createdBy,
    createdAt: l.createdAt,
  };
}
