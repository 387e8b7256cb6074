import type { HttpActor, TestHttp } from './http';

/** How long a verification may wait out another file's tampering (a moment in each test). */
const PATIENCE_MS = 15_000;
const PAUSE_MS = 250;

/**
 * Expects `GET /audit-events/verify` to answer that the chain holds. Test files run in parallel
 * on one database, and test/audit/audit-trail.spec.ts breaks the chain on purpose for a moment
 * in several tests (and restores it right after); a verification in another file may fall into
 * such a moment. So it asks again until the chain holds or its patience is spent. A break made by
 * the change under test does not go away by itself, so the expectation still fails on it.
 */
export async function expectChainHolds(http: TestHttp, auditor: HttpActor): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const res = await http.get(auditor, '/api/v1/audit-events/verify');
    expect(res.status).toBe(200);
    if (res.body.ok === true || Date.now() > deadline) {
      expect(res.body).toMatchObject({ ok: true });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
