import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { HealthStatusDto } from './health-status.dto';
import { ServiceNotReady } from './service-not-ready.error';
import { Public } from '../auth/public.decorator';
import { ApiTag } from '../openapi/tags';

@ApiTags(ApiTag.Operations)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /**
   * Liveness probe
   *
   * The process answers. Never touches the database, so that a database outage does not make the
   * platform restart Lotse.
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
   * The database answers within 1.5 s; `503 not-ready` while it does not, so that the platform
   * sends no traffic to this instance.
   */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: HealthStatusDto })
  @ApiProblemResponses({ 503: 'A dependency is down (`not-ready`); `checks` says which.' })
  async checkReadiness(): Promise<HealthStatusDto> {
    try {
      const result = await this.health.check([
        () => this.db.pingCheck('database').withTimeout(1500),
      ]);
      return { status: 'ok', checks: result.details };
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        const { details } = error.getResponse() as {
          details?: Record<string, { status?: unknown }>;
        };
        // The status only: terminus adds the driver's message, which names hosts and ports.
        const checks = Object.fromEntries(
          Object.entries(details ?? {}).map(([name, check]) => [name, { status: check.status }]),
        );
        throw new ServiceNotReady(checks);
      }
      throw error;
    }
  }
}
