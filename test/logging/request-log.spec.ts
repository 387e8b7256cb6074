import { Body, Controller, Get, HttpCode, Logger, Post, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsString } from 'class-validator';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Public } from '../../src/auth/public.decorator';
import { captureStdout } from '../sentinel/log-capture';
import { createTestApp } from '../support/test-app';

class EchoDto {
  @IsString()
  text: string;
}

/** Test-only routes that log while they run: after the database answered, after a body was read. */
@Public()
@Controller('log-probe')
class LogProbeController {
  private readonly log = new Logger('LogProbe');

  constructor(private readonly db: DataSource) {}

  @Get('ping')
  async ping(@Query('n') n?: string) {
    await this.db.query('SELECT pg_sleep(0.01)');
    this.log.warn(`ping answered ${n ?? ''}`);
    return { ok: true };
  }

  @Post('echo')
  @HttpCode(200)
  async echo(@Body() body: EchoDto) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await this.db.query('SELECT 1');
    this.log.warn(`echo ${body.text}`);
    return { text: body.text };
  }

  @Get('fail')
  fail(): never {
    throw new Error('the probe fails on purpose');
  }
}

interface Line {
  msg?: string;
  context?: string;
  req?: { id?: string; method?: string; path?: string };
  res?: { statusCode?: number | null };
  err?: { message?: string };
  responseTime?: unknown;
}

describe('request logging (Fastify hooks, ADR 0024 "Request logging as Fastify hooks")', () => {
  let app: NestFastifyApplication;
  let capture: ReturnType<typeof captureStdout>;

  beforeAll(async () => {
    capture = captureStdout();
    app = await createTestApp({
      env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
      extra: { controllers: [LogProbeController] },
    });
    const server: Server = app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await app?.close();
    capture?.restore();
  });

  const lines = (): Line[] =>
    capture.lines.flatMap((text) => {
      try {
        return [JSON.parse(text) as Line];
      } catch {
        return [];
      }
    });
  const of = (id: string) => lines().filter((l) => l.req?.id === id);

  /** A GET over a real socket, with its request id. */
  const get = (url: string, id: string, headers: Record<string, string> = {}) =>
    request(app.getHttpServer())
      .get(url)
      .set({ 'x-request-id': id, ...headers });

  it('ends every request with one line: its id, method, path without the query, status and time', async () => {
    const res = await get('/api/v1/log-probe/ping?n=1', 'log-one');
    expect(res.status).toBe(200);
    const ending = of('log-one').filter((l) => l.msg === 'request completed');
    expect(ending).toHaveLength(1);
    expect(ending[0]).toMatchObject({
      req: { id: 'log-one', method: 'GET', path: '/api/v1/log-probe/ping' },
      res: { statusCode: 200 },
    });
    expect(typeof ending[0].responseTime).toBe('number');
  });

  /** A POST whose body arrives 20 ms after its headers, as from a slow client. */
  const postSlowly = (url: string, id: string, body: object) =>
    new Promise<{ status: number }>((resolve, reject) => {
      const server: Server = app.getHttpServer();
      const text = JSON.stringify(body);
      const call = httpRequest(
        {
          host: '127.0.0.1',
          port: (server.address() as AddressInfo).port,
          method: 'POST',
          path: url,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            'x-request-id': id,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        },
      );
      call.on('error', reject);
      call.flushHeaders();
      setTimeout(() => call.end(text), 20);
    });

  it("puts the request's id on every line logged while it is handled, a body read or not", async () => {
    // Twenty at once, so that each line must find its own request, not the last one begun.
    const ids = Array.from({ length: 20 }, (_, i) => `log-many-${i}`);
    const answers = await Promise.all(
      ids.map((id, i) =>
        i % 2 === 0
          ? get(`/api/v1/log-probe/ping?n=${id}`, id)
          : postSlowly('/api/v1/log-probe/echo', id, { text: id }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    for (const [i, id] of ids.entries()) {
      const probe = lines().filter((l) => l.context === 'LogProbe' && String(l.msg).endsWith(id));
      expect(probe).toHaveLength(1);
      expect(probe[0].req).toEqual({
        id,
        method: i % 2 === 0 ? 'GET' : 'POST',
        path: i % 2 === 0 ? '/api/v1/log-probe/ping' : '/api/v1/log-probe/echo',
      });
    }
  });

  it('logs a 500 as "request errored", and the cause under the same id', async () => {
    const res = await get('/api/v1/log-probe/fail', 'log-fail');
    expect(res.status).toBe(500);
    const mine = of('log-fail');
    expect(mine.find((l) => l.msg === 'request errored')).toMatchObject({
      res: { statusCode: 500 },
      err: { message: 'failed with status code 500' },
    });
    // The problem filter's line with the cause carries the request's id too.
    expect(mine.some((l) => JSON.stringify(l).includes('the probe fails on purpose'))).toBe(true);
  });

  it('leaves the health probes out, and never writes a credential or the query string', async () => {
    await get('/api/v1/health/live', 'log-health');
    expect(of('log-health')).toEqual([]);
    await get('/api/v1/log-probe/ping?n=secret-query-value', 'log-secret', {
      authorization: 'Bearer secret-token-value',
    });
    expect(of('log-secret').some((l) => l.msg === 'request completed')).toBe(true);
    const all = capture.lines.join('\n');
    expect(all).not.toContain('secret-token-value');
    expect(all).not.toMatch(/"path":"[^"]*secret-query-value/);
  });
});
