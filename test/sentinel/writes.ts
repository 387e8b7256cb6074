import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ActivityKind } from '../../src/referrals/referral-codes';
import { ReportKind } from '../../src/reporting/report.entity';
import type { MarkerRegistry } from './markers';
import type { SentinelWorld } from './world';
import { httpOf } from '../support/http';

const API = '/api/v1';

/**
 * Writes whose bodies carry fresh markers (an update of a client and of a draft referral, an
 * activity note, a report section, and a refused client with a marker in a field that fails
 * validation), so that the audit entries and log lines of writes are searched as well as those
 * of reads. Returns the status of each write.
 */
export async function writeMarkers(
  app: NestFastifyApplication,
  world: SentinelWorld,
  registry: MarkerRegistry,
): Promise<Record<string, number>> {
  const http = httpOf(app);
  const { caseworkerA, workerP1 } = world.base;
  const mark = (table: string, column: string, maxLength: number) =>
    registry.plant(table, column, { written: true }, maxLength);
  const etag = async (path: string, auth: { Authorization: string }) =>
    String((await http.get(auth, `${API}${path}`)).headers.etag);

  const client = `/clients/${world.named.mainClient}`;
  const draft = `/referrals/${world.named.draftReferral}`;
  const main = `/referrals/${world.named.mainReferral}`;
  const statuses: Record<string, number> = {};
  statuses['PATCH client'] = (
    await http.patch(
      caseworkerA,
      `${API}${client}`,
      { givenName: mark('clients', 'given_name', 100) },
      { ifMatch: await etag(client, caseworkerA.authHeader) },
    )
  ).status;
  statuses['PATCH referral'] = (
    await http.patch(
      caseworkerA,
      `${API}${draft}`,
      { reasonText: mark('referrals', 'reason_text', 2000) },
      { ifMatch: await etag(draft, caseworkerA.authHeader) },
    )
  ).status;
  statuses['POST activity'] = (
    await http.post(workerP1, `${API}${main}/activities`, {
      kind: ActivityKind.Phone,
      occurredAt: new Date().toISOString(),
      reached: true,
      note: mark('activities', 'note', 2000),
    })
  ).status;
  statuses['POST report'] = (
    await http.post(workerP1, `${API}${main}/reports`, {
      kind: ReportKind.Interim,
      periodFrom: '2026-09-01',
      periodUntil: '2026-09-30',
      sections: [{ category: DataCategory.Health, text: mark('report_sections', 'text', 5000) }],
    })
  ).status;
  statuses['POST invalid client'] = (
    await http.post(caseworkerA, `${API}/clients`, {
      customerNumber: 'X1',
      givenName: mark('clients', 'given_name', 100),
      familyName: 'Muster',
      dateOfBirth: '1980-01-01',
      email: mark('clients', 'email', 254),
    })
  ).status;
  return statuses;
}
