import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ActivationCodeRepository } from './activation-code.repository';
import { ActivationCodesService } from './activation-codes.service';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { ApprovalQueue } from './approval-queue.service';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalRequestsController } from './approval-requests.controller';
import { ApprovalRequestsService } from './approval-requests.service';
import { Organisation } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { PasswordHasher } from './password/password-hasher';
import { SessionRepository } from './session.repository';
import { SessionsService } from './sessions.service';
import { ClientSecretBox } from './sso/client-secret-box';
import { IdentityLinkRepository } from './sso/identity-link.repository';
import { IdentityLinksService } from './sso/identity-links.service';
import { IdentityProviderRepository } from './sso/identity-provider.repository';
import { IdentityProvidersService } from './sso/identity-providers.service';
import { OidcSessionRepository } from './sso/oidc-session.repository';
import { SingleSignOnController } from './sso/single-sign-on.controller';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Organisations, users, sessions, API keys, activation codes and approval requests. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), AuditModule],
  controllers: [
    OrganisationsController,
    UsersController,
    ApiKeysController,
    ApprovalRequestsController,
    SingleSignOnController,
  ],
  providers: [
    OrganisationRepository,
    UserRepository,
    SessionRepository,
    ApiKeyRepository,
    ActivationCodeRepository,
    ApprovalRequestRepository,
    PasswordHasher,
    OrganisationsService,
    UsersService,
    SessionsService,
    ApiKeysService,
    ActivationCodesService,
    ApprovalQueue,
    ApprovalRequestsService,
    ClientSecretBox,
    IdentityProviderRepository,
    IdentityLinkRepository,
    OidcSessionRepository,
    IdentityProvidersService,
    IdentityLinksService,
  ],
  exports: [
    IdentityProvidersService,
    IdentityLinksService,
    OrganisationsService,
    UsersService,
    SessionsService,
    ApiKeysService,
    ActivationCodesService,
  ],
})
export class IdentityModule {}
