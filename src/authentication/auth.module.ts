import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AuditModule } from '../audit/audit.module';
import type { AppConfig } from '../config/app-config';
import { IdentityModule } from '../identity/identity.module';
import { SessionsService } from '../identity/sessions.service';
import { LimitStore } from '../limits/limit-store';
import { LimitsModule } from '../limits/limits.module';
import { KnownDevicesService } from '../mfa/known-devices.service';
import { MfaModule } from '../mfa/mfa.module';
import { AccessGuard } from './access.guard';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CountedPrincipals } from './counted-principal';
import { LocalStrategy } from './local.strategy';
import { LOGIN_WINDOW_MS, loginTrackerOf } from './login.guards';
import { MeController } from './me.controller';
import { MfaController } from './mfa.controller';
import { ObjectDenialAudit } from './object-denial-audit';
import { OidcClients } from './oidc/oidc-clients';
import { OidcController } from './oidc/oidc.controller';
import { OidcLoginService } from './oidc/oidc-login.service';
import { OidcTransactionRepository } from './oidc/oidc-transaction.repository';
import { RateLimiter } from './rate-limit';

/** Authentication (passwords, tokens, API keys) and the global deny-by-default guard. */
@Module({
  imports: [
    IdentityModule,
    AuditModule,
    PassportModule,
    LimitsModule,
    MfaModule,
    ThrottlerModule.forRootAsync({
      imports: [LimitsModule, MfaModule, IdentityModule],
      inject: [ConfigService, LimitStore, KnownDevicesService, SessionsService],
      useFactory: (
        config: ConfigService<AppConfig, true>,
        store: LimitStore,
        devices: KnownDevicesService,
        sessions: SessionsService,
      ) => {
        const limits = config.get('auth', { infer: true });
        return {
          storage: store,
          setHeaders: false,
          throttlers: [
            { name: 'login-source', ttl: LOGIN_WINDOW_MS, limit: limits.loginAttemptsPerSource },
            {
              name: 'login-account',
              ttl: LOGIN_WINDOW_MS,
              limit: limits.loginAttemptsPerAccount,
              getTracker: (req) => loginTrackerOf(req as FastifyRequest, devices, sessions),
            },
          ],
        };
      },
    }),
  ],
  controllers: [AuthController, MfaController, MeController, OidcController],
  providers: [
    AccessTokens,
    AuthService,
    LocalStrategy,
    RateLimiter,
    CountedPrincipals,
    OidcClients,
    OidcTransactionRepository,
    OidcLoginService,
    ObjectDenialAudit,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ObjectDenialAudit],
})
export class AuthModule {}
