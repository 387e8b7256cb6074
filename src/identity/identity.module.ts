import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { Organisation } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { PasswordHasher } from './password/password-hasher';
import { SessionRepository } from './session.repository';
import { SessionsService } from './sessions.service';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Organisations, users, sessions and API keys. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), AuditModule],
  controllers: [OrganisationsController, UsersController, ApiKeysController],
  providers: [
    OrganisationRepository,
    UserRepository,
    SessionRepository,
    ApiKeyRepository,
    PasswordHasher,
    OrganisationsService,
    UsersService,
    SessionsService,
    ApiKeysService,
  ],
  exports: [OrganisationsService, UsersService, SessionsService, ApiKeysService],
})
export class IdentityModule {}
