import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IdentityModule } from '../../src/identity/identity.module';
import { expectProblem } from '../support/problem';
import { ProbeController } from '../support/probe.controller';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

async function eventually<T>(
  probe: () => Promise<T>,
  ok: (t: T) => boolean,
  ms = 15000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await probe();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

describe('a dropped database connection', () => {
  let app: NestFastifyApplication;
  let proxy: TcpProxy;
  let http: TestHttp;

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(target.toString());
    viaProxy.host = `127.0.0.1:${port}`;
    app = await createTestApp({
      env: { DATABASE_URL: viaProxy.toString(), DB_CONNECT_TIMEOUT_MS: '1000' },
      extra: { imports: [IdentityModule], controllers: [ProbeController] },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.stop();
  });

  it('does not kill the app; readiness reports the outage and recovers', async () => {
    const pid = process.pid;
    // Warm the pool so that there are idle connections to lose.
    await Promise.all(
      [1, 2, 3].map(() => http.get('anonymous', '/api/v1/probe/organisations?limit=1')),
    );
    expect((await http.get('anonymous', '/api/v1/health/ready')).status).toBe(200);

    proxy.cut();

    const down = await http.get('anonymous', '/api/v1/health/ready');
    const body = expectProblem(down, 503, 'not-ready');
    expect(body.checks).toEqual({ database: { status: 'down' } });

    const read = await http.get('anonymous', '/api/v1/probe/organisations?limit=1');
    expectProblem(read, 503, 'database-unavailable');

    const live = await http.get('anonymous', '/api/v1/health/live');
    expect(live.status).toBe(200);
    expect(process.pid).toBe(pid);

    proxy.restore();

    const back = await eventually(
      () => http.get('anonymous', '/api/v1/health/ready'),
      (r) => r.status === 200,
    );
    expect(back.status).toBe(200);
    const again = await eventually(
      () => http.get('anonymous', '/api/v1/probe/organisations?limit=1'),
      (r) => r.status === 200,
    );
    expect(again.status).toBe(200);
  });
});
