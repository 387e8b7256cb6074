import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditSealer } from '../audit/audit-sealer.service';
import { Public, WithoutRateLimit } from '../auth/public.decorator';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { schemaStatus } from '../database/schema-status';
import { HealthStatusDto } from './health-status.dto';
import { ServiceNotReady } from './service-not-ready.error';
import { ApiTag } from '../common/openapi/tags';

/**
 * Sealing (the job `audit-seal`, ADR 0019) normally lags writing by one to two seconds; past
 * this, operators should look.
 */
export const SEALING_LAG_LIMIT_SECONDS = 60;

type Checks = HealthStatusDto['checks'];

@ApiTags(ApiTag.Operations)
@Public()
@WithoutRateLimit()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  /**
   * Liveness probe
   *
   * The process answers. Never touches the database, so that a database outage does not make the
   * platform restart Lotse; exempt from the rate limit.
   */
  @Get('live')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: HealthStatusDto })
  checkLiveness(): HealthStatusDto {
    return { status: 'ok', checks: {} };
  }

  /**
   * Readiness probe
   *
   * The database answers within 1.5 s and has every migration of this release applied;
   * `503 not-ready` while not, so that the platform sends no traffic to this instance. Exempt
   * from the rate limit. `checks` also reports the audit sealer's lag, which does not gate
   * readiness.
   */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: HealthStatusDto })
  @ApiProblemResponses({
    503: 'The database is down or migrations are pending (`not-ready`); `checks` says which.',
  })
  async checkReadiness(): Promise<HealthStatusDto> {
    const checks: Checks = { database: await this.database() };
    if (checks.database.status !== 'up') throw new ServiceNotReady(checks);
    checks.migrations = await this.migrations();
    checks.auditSealer = await this.auditSealer();
    if (checks.migrations.status !== 'up') throw new ServiceNotReady(checks);
    return { status: 'ok', checks };
  }

  private async database(): Promise<Checks[string]> {
    try {
      await this.health.check([() => this.db.pingCheck('database').withTimeout(1500)]);
      return { status: 'up' };
    } catch (error) {
      // The status only: terminus adds the driver's message, which names hosts and ports.
      if (error instanceof ServiceUnavailableException) return { status: 'down' };
      throw error;
    }
  }

  private async migrations(): Promise<Checks[string]> {
    try {
      const { applied, pending } = await schemaStatus(this.dataSource);
      return { status: pending.length > 0 ? 'pending' : 'up', applied, pending: pending.length };
    } catch {
      return { status: 'down' };
    }
  }

  private async auditSealer(): Promise<Checks[string]> {
    try {
      const { queued, lagSeconds } = await this.sealer.lag();
      const status = lagSeconds > SEALING_LAG_LIMIT_SECONDS ? 'lagging' : 'up';
      return { status, queued, lagSeconds: Math.round(lagSeconds * 10) / 10 };
    } catch {
      // Before the audit migration ran, say: the migrations check already fails readiness.
      return { status: 'unknown' };
    }
  }
}
