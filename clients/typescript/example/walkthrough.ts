import { createLotseClient, etagOf, isProblem, type Schemas } from '../src/index';

export interface WalkthroughResult {
  me: Schemas['Me'];
  referrals: number;
  sent: { id: string; state: Schemas['ReferralState']; etag: string };
  report: { id: string; kind: Schemas['ReportKind']; sections: number; nothingReleased: boolean };
}

/**
 * A case manager's first steps with the typed client: sign in, list referrals, send a draft
 * with `If-Match`, and read a report on a referral in progress.
 *
 * Run it against a Lotse with the demo data (`npm start`):
 *   node clients/typescript/dist/example/run.js
 */
export async function walkthrough(options: {
  baseUrl: string;
  email: string;
  password: string;
  log?: (line: string) => void;
}): Promise<WalkthroughResult> {
  const log = options.log ?? (() => undefined);
  const session: { accessToken?: string } = {};
  const lotse = createLotseClient({
    baseUrl: options.baseUrl,
    accessToken: () => session.accessToken,
    language: 'de',
  });

  // 1. Sign in: the access token goes with every later request.
  const login = await lotse.POST('/api/v1/auth/login', {
    body: { email: options.email, password: options.password },
  });
  if (!login.data) throw new Error(`login failed: ${login.error?.title ?? login.response.status}`);
  // Admins, auditors and users with a second factor get an MFA challenge instead:
  // POST /api/v1/auth/mfa/verify with the mfaToken and the code of their app.
  if (!('accessToken' in login.data)) throw new Error('this user signs in with a second factor');
  session.accessToken = login.data.accessToken;
  const me = await lotse.GET('/api/v1/me');
  if (!me.data) throw new Error('GET /me failed');
  log(`signed in as ${me.data.displayName} (${me.data.roles.join(', ')})`);

  // 2. The referrals (Zuweisungen) this user may see, page by page.
  const referrals: Schemas['Referral'][] = [];
  let cursor: string | undefined;
  do {
    const page = await lotse.GET('/api/v1/referrals', {
      params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
    });
    if (!page.data) throw new Error(`listing referrals failed: ${page.error?.title}`);
    referrals.push(...page.data.items);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  log(`${referrals.length} referrals`);

  // 3. Send a draft: read it for its ETag, then change it with If-Match.
  const draft = referrals.find((referral) => referral.state === 'draft');
  if (!draft) throw new Error('no draft referral to send');
  const read = await lotse.GET('/api/v1/referrals/{id}', { params: { path: { id: draft.id } } });
  const sent = await lotse.POST('/api/v1/referrals/{id}/send', {
    params: { path: { id: draft.id }, header: { 'If-Match': etagOf(read.response) } },
  });
  if (!sent.data) {
    // 412: somebody changed it meanwhile; read again and retry. 409: no free place.
    if (isProblem(sent.error, 'urn:lotse:problem:precondition-failed')) log('changed meanwhile');
    throw new Error(`sending failed: ${sent.error?.title}`);
  }
  log(`referral ${sent.data.id} is now ${sent.data.state}`);

  // 4. A report (Bericht) on a referral in progress, with the sections released to us.
  const worked = referrals.filter((referral) => referral.state === 'in_progress');
  for (const referral of worked) {
    const reports = await lotse.GET('/api/v1/referrals/{id}/reports', {
      params: { path: { id: referral.id } },
    });
    const first = reports.data?.items[0];
    if (!first) continue;
    const report = await lotse.GET('/api/v1/reports/{id}', { params: { path: { id: first.id } } });
    if (!report.data) throw new Error(`reading the report failed: ${report.error?.title}`);
    log(`report ${report.data.id}: ${report.data.sections.length} sections released`);
    return {
      me: me.data,
      referrals: referrals.length,
      sent: { id: sent.data.id, state: sent.data.state, etag: etagOf(sent.response) },
      report: {
        id: report.data.id,
        kind: report.data.kind,
        sections: report.data.sections.length,
        nothingReleased: report.data.nothingReleased,
      },
    };
  }
  throw new Error('no report on a referral in progress');
}
