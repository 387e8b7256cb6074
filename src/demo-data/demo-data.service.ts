import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { NodeEnv } from '../config/environment.schema';
import { EmbeddedDatabase } from '../database/embedded-database.service';
import { OrganisationsService } from '../identity/organisations.service';
import { Role } from '../auth/role';
import { UsersService } from '../identity/users.service';
import { DemoCasesService } from './demo-cases.service';
import { MFA_ROLES, MfaService } from '../mfa/mfa.service';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from './demo-world';

export interface SeedReport {
  created: string[];
  existing: string[];
}

/**
 * Demo data for trying Lotse out. Seeded on the first start against an empty embedded
 * database, or on demand (`npm run seed`); refused in production.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly embedded: EmbeddedDatabase,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly cases: DemoCasesService,
    private readonly mfa: MfaService,
  ) {}

  /** At start: only on an empty embedded database, and only when demo data is enabled. */
  async seedIfFreshEmbedded(): Promise<SeedReport | undefined> {
    if (!this.config.get('demoData', { infer: true }) || !this.embedded.isRunning) return undefined;
    if (!(await this.organisations.isEmpty())) return undefined;
    return this.seed();
  }

  async seed(): Promise<SeedReport> {
    if (this.config.get('nodeEnv', { infer: true }) === NodeEnv.Production) {
      throw new Error('Demo data is never seeded when NODE_ENV=production.');
    }
    const report: SeedReport = { created: [], existing: [] };
    const ids = new Map<string, string>();
    for (const { kind, name, federalState } of DEMO_ORGANISATIONS) {
      const { organisation, created } = await this.organisations.ensure(
        kind,
        name,
        federalState ?? null,
      );
      ids.set(name, organisation.id);
      (created ? report.created : report.existing).push(name);
    }
    for (const user of DEMO_USERS) {
      const created = await this.users.ensure({
        organisationId: ids.get(user.organisation)!,
        email: user.email,
        displayName: user.displayName,
        roles: [user.role],
        password: DEMO_PASSWORD,
      });
      (created ? report.created : report.existing).push(user.email);
      if ((MFA_ROLES as readonly string[]).includes(user.role)) {
        await this.mfa.enrolKnownSecret(user.email, DEMO_TOTP_SECRET);
      }
    }
    // Case data only along with fresh demo users: seeding again must not duplicate clients.
    const caseworker = DEMO_USERS.find((u) => u.role === Role.Caseworker)!;
    if (report.created.includes(caseworker.email)) await this.cases.seed(ids);
    this.logger.log(
      `Demo data: ${report.created.length} organisations and users created, ${report.existing.length} already there`,
    );
    return report;
  }

  /** The lines a person needs to try the demo, printed to the console after seeding. */
  describe(baseUrl: string): string[] {
    return [
      '',
      'Lotse demo data',
      ...DEMO_ORGANISATIONS.map((o) => `  ${o.kind.padEnd(10)} ${o.name}`),
      '',
      `Demo logins (password for all: ${DEMO_PASSWORD})`,
      ...DEMO_USERS.map((u) => `  ${u.role.padEnd(16)} ${u.email}`),
      '',
      `Admins and auditors confirm with a second factor, TOTP secret: ${DEMO_TOTP_SECRET}`,
      '  (add it to an authenticator app, or: oathtool --totp -b <secret>)',
      '',
      `  Swagger UI: ${baseUrl}/api/docs`,
      '  Sign in with POST /auth/login, then "Authorize" with the accessToken;',
      '  an mfaToken instead goes to POST /auth/mfa/verify with the 6-digit code.',
      '',
    ];
  }
}
