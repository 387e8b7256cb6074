import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import * as jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * The framework's floor for `npm run bench`: the plainest NestJS read of one referral that
 * still has what any NestJS API has. Fastify adapter, a guard that verifies an HS256 bearer
 * token (jsonwebtoken, the secret as a `KeyObject`), `ParseUUIDPipe` on the path, TypeORM's
 * `DataSource.query` on a pool of the same size as Lotse's, and the row mapped to a camelCase
 * DTO. No session check, rate limit, scope, consent, audit, logging or metrics.
 *
 * Two routes: `/referrals/:id` sends one statement; `/two/referrals/:id` has its guard send one
 * more first (a trivial `SELECT`), the price of one round trip in this framework. Lotse's read
 * sends two (the guard's and the route's), so the second route is the floor it is measured
 * against (BENCHMARKS.md, "The framework's floor"). Started by bench/run.ts as a child process.
 */

const DATA_SOURCE = Symbol('DataSource');
const KEY = Symbol('KeyObject');
const FLOOR_ISSUER = 'floor';

/** An `Authorization` value the floor started with FLOOR_JWT_SECRET=`secret` accepts for an hour. */
export function floorBearer(secret: string, subject: string): string {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const token = jwt.sign({}, key, {
    algorithm: 'HS256',
    issuer: FLOOR_ISSUER,
    subject,
    expiresIn: '1h',
  });
  return `Bearer ${token}`;
}

@Injectable()
class BearerGuard implements CanActivate {
  constructor(
    @Inject(KEY) private readonly key: KeyObject,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; url: string; sub?: string }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException();
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: FLOOR_ISSUER });
      if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new Error('claims');
      request.sub = payload.sub;
    } catch {
      throw new UnauthorizedException();
    }
    if (request.url.startsWith('/two/')) {
      await this.db.query('SELECT $1::text AS sub', [request.sub]);
    }
    return true;
  }
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

@Controller()
@UseGuards(BearerGuard)
class ReferralController {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  private async read(id: string): Promise<Record<string, unknown>> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      'SELECT * FROM referrals WHERE id = $1',
      [id],
    );
    if (rows.length === 0) throw new NotFoundException();
    const dto: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(rows[0])) dto[camel(column)] = value;
    return dto;
  }

  @Get('referrals/:id')
  one(@Param('id', ParseUUIDPipe) id: string) {
    return this.read(id);
  }

  @Get('two/referrals/:id')
  two(@Param('id', ParseUUIDPipe) id: string) {
    return this.read(id);
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const secret = process.env.FLOOR_JWT_SECRET;
  if (!url || !secret) throw new Error('DATABASE_URL and FLOOR_JWT_SECRET are required');
  const db = new DataSource({
    type: 'postgres',
    url,
    extra: { max: Number(process.env.DB_POOL_MAX ?? 10) },
  });
  await db.initialize();

  @Module({
    controllers: [ReferralController],
    providers: [
      { provide: DATA_SOURCE, useValue: db },
      { provide: KEY, useValue: createSecretKey(Buffer.from(secret, 'utf8')) },
      BearerGuard,
    ],
  })
  class FloorModule {}

  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), {
    logger: ['error'],
  });
  const port = Number(process.env.FLOOR_PORT ?? 3197);
  await app.listen(port, '127.0.0.1');
  process.stdout.write(`floor listening on ${port}\n`);
  const stop = () => void app.close().then(() => db.destroy());
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
