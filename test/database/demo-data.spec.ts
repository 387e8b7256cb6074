import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '../../src/auth/role';
import { DemoDataService } from '../../src/demo-data/demo-data.service';
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
} from '../../src/demo-data/demo-world';
import { currentTotp } from '../../src/mfa/totp';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { uniqueName } from '../factories/unique';
import { createTestApp } from '../support/test-app';
import { httpOf } from '../support/http';

describe('demo data', () => {
  let app: NestFastifyApplication;

  afterEach(async () => {
    await app?.close();
  });

  it('seeds the demo organisations once; seeding again creates nothing', async () => {
    app = await createTestApp({ env: { DEMO_DATA: 'true' } });
    const demo = app.get(DemoDataService);
    await demo.seed();
    const again = await demo.seed();
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual([
      ...DEMO_ORGANISATIONS.map((o) => o.name),
      ...DEMO_USERS.map((u) => u.email),
    ]);
    const organisations = app.get(OrganisationsService);
    for (const { kind, name, federalState } of DEMO_ORGANISATIONS) {
      const { organisation, created } = await organisations.ensure(kind, name);
      expect(created).toBe(false);
      expect(organisation.kind).toBe(kind);
      expect(organisation.federalState).toBe(federalState ?? null);
    }
    // The demo jobcenter's due dates skip Hessen's public holidays.
    expect(DEMO_ORGANISATIONS.find((o) => o.kind === OrganisationKind.Jobcenter)).toMatchObject({
      federalState: 'HE',
    });
  });

  /**
   * Signs a demo user in; admins and auditors with the printed TOTP secret. A time step's code
   * works once per user, so a second sign-in within the step takes the next step's code.
   */
  async function signIn(email: string): Promise<string> {
    const login = await httpOf(app)
      .post('anonymous', '/api/v1/auth/login', { email, password: DEMO_PASSWORD })
      .expect(200);
    let body = login.body as { accessToken?: string; mfaToken?: string };
    if (body.mfaToken) {
      const now = Math.floor(Date.now() / 1000);
      for (const epoch of [now, now + 30]) {
        const res = await httpOf(app).post('anonymous', '/api/v1/auth/mfa/verify', {
          mfaToken: body.mfaToken,
          code: currentTotp(DEMO_TOTP_SECRET, epoch),
        });
        if (res.status === 200) {
          body = res.body as { accessToken: string };
          break;
        }
      }
    }
    expect(body.accessToken).toBeDefined();
    return `Bearer ${body.accessToken}`;
  }

  it('gives every role a demo login that works', async () => {
    app = await createTestApp({ env: { DEMO_DATA: 'true' } });
    await app.get(DemoDataService).seed();
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(Object.values(Role)));
    for (const user of DEMO_USERS) {
      const me = await httpOf(app)
        .get({ Authorization: await signIn(user.email) }, '/api/v1/me')
        .expect(200);
      expect(me.body).toMatchObject({ email: user.email, roles: [user.role] });
    }
    const token = (role: Role) => signIn(DEMO_USERS.find((u) => u.role === role)!.email);
    const states = async (role: Role) => {
      const res = await httpOf(app)
        .get({ Authorization: await token(role) }, '/api/v1/referrals?limit=100')
        .expect(200);
      return (res.body as { items: { state: string }[] }).items.map((r) => r.state).sort();
    };
    // The demo cases: one referral in each early state and one ended; providers never see drafts.
    expect(await states(Role.Caseworker)).toEqual(
      ['accepted', 'draft', 'ended', 'in_progress', 'requested'].sort(),
    );
    expect(await states(Role.ProviderLead)).toEqual(
      ['accepted', 'ended', 'in_progress', 'requested'].sort(),
    );
    expect(await states(Role.ProviderWorker)).toEqual(['accepted', 'ended', 'in_progress'].sort());
    // The running case's client released participation: the case manager sees its contacts,
    // the others' not.
    const caseworker = await token(Role.Caseworker);
    const list = await httpOf(app)
      .get({ Authorization: caseworker }, '/api/v1/referrals?limit=100')
      .expect(200);
    const released: Record<string, boolean> = {};
    for (const r of (list.body as { items: { id: string; state: string }[] }).items) {
      const activities = await httpOf(app)
        .get({ Authorization: caseworker }, `/api/v1/referrals/${r.id}/activities`)
        .expect(200);
      released[r.state] = !(activities.body as { nothingReleased: boolean }).nothingReleased;
    }
    expect(released).toMatchObject({ in_progress: true, accepted: false, ended: false });
    const lines = app.get(DemoDataService).describe('http://localhost:3000').join('\n');
    for (const user of DEMO_USERS) expect(lines).toContain(user.email);
    expect(lines).toContain(DEMO_PASSWORD);
  });

  it('creates an organisation once under concurrent calls for the same name', async () => {
    app = await createTestApp();
    const name = uniqueName('Jobcenter Parallel');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.get(OrganisationsService).ensure(OrganisationKind.Jobcenter, name),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.organisation.id)).size).toBe(1);
  });

  it('does not seed at start on a database it did not start itself', async () => {
    app = await createTestApp({ env: { DEMO_DATA: 'true' } });
    expect(await app.get(DemoDataService).seedIfFreshEmbedded()).toBeUndefined();
  });

  it('refuses to seed in production', async () => {
    app = await createTestApp({ env: { NODE_ENV: 'production' } });
    await expect(app.get(DemoDataService).seed()).rejects.toThrow(/never seeded/);
  });
});
