import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { REFRESH_IDLE_SECONDS, SESSION_MAX_SECONDS } from '../../src/identity/sessions.service';
import { createUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf } from '../support/http';

/** Idle and absolute limits (ASVS 7.3.1/7.3.2), moved by rewriting the stored deadlines. */
describe('session limits', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  it('sets the deadlines: refresh token idle ≤ 1 h, session absolute 12 h', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const [row] = await db.query<{ idle: number; absolute: number }[]>(
      `SELECT extract(epoch FROM t.expires_at - t.created_at)::int AS idle,
              extract(epoch FROM s.expires_at - s.created_at)::int AS absolute
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE s.id = $1`,
      [user.sessionId],
    );
    expect(Math.abs(row.idle - REFRESH_IDLE_SECONDS)).toBeLessThanOrEqual(2);
    expect(Math.abs(row.absolute - SESSION_MAX_SECONDS)).toBeLessThanOrEqual(2);
  });

  it('past the absolute limit, the access token is refused even while it has not expired', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    await httpOf(app).get(user, '/api/v1/me').expect(200);
    await db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1", [
      user.sessionId,
    ]);
    expectProblem(await httpOf(app).get(user, '/api/v1/me'), 401, 'unauthorized');
    expectProblem(
      await httpOf(app).post('anonymous', '/api/v1/auth/refresh', {
        refreshToken: user.refreshToken,
      }),
      401,
      'invalid-refresh-token',
    );
  });

  it('past the idle limit, the refresh token is refused', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    await db.query(
      "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE session_id = $1",
      [user.sessionId],
    );
    expectProblem(
      await httpOf(app).post('anonymous', '/api/v1/auth/refresh', {
        refreshToken: user.refreshToken,
      }),
      401,
      'invalid-refresh-token',
    );
  });

  it('a rotated refresh token never outlives its session', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    await db.query("UPDATE sessions SET expires_at = now() + interval '5 minutes' WHERE id = $1", [
      user.sessionId,
    ]);
    await httpOf(app)
      .post('anonymous', '/api/v1/auth/refresh', { refreshToken: user.refreshToken })
      .expect(200);
    const [row] = await db.query<{ within: boolean }[]>(
      `SELECT bool_and(t.expires_at <= s.expires_at) AS within
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE s.id = $1 AND t.used_at IS NULL`,
      [user.sessionId],
    );
    expect(row.within).toBe(true);
  });
});
