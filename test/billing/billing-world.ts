import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReferralWorld } from '../factories/referrals';
import { draftForFreshClient } from '../factories/referrals';
import { httpOf, type HttpActor } from '../support/http';

/**
 * A referral walked through its workflow over HTTP, each step then moved back in time to the
 * instant the scenario gives it (the referral's history rows, by target state), so that a
 * world spans past months.
 */
export interface Step {
  action: 'send' | 'accept' | 'reject' | 'start' | 'pause' | 'complete' | 'end' | 'cancel';
  at: string;
  body?: object;
}

const API = '/api/v1';

/** Who takes each action in the world. */
function actorOf(world: ReferralWorld, action: Step['action']): HttpActor {
  switch (action) {
    case 'send':
    case 'cancel':
      return world.caseworkerA;
    case 'accept':
    case 'reject':
      return world.leadP1;
    default:
      return world.workerP1;
  }
}

const BODIES: Partial<Record<Step['action'], object>> = {
  reject: { reason: 'no_capacity' },
  complete: { outcome: 'goals_reached' },
  end: { reason: 'client_unreachable' },
  cancel: { reason: 'no_longer_needed' },
};

/** A fresh client's referral from A to P1, walked through `steps` and backdated to their `at`. */
export async function walkedReferral(
  app: INestApplication,
  world: ReferralWorld,
  steps: Step[],
  between?: (referralId: string, done: Step) => Promise<void>,
): Promise<string> {
  const http = httpOf(app);
  const id = await draftForFreshClient(app, world);
  for (const step of steps) {
    const body =
      step.action === 'accept'
        ? { assignedWorkerId: world.workerP1.userId }
        : (step.body ?? BODIES[step.action] ?? {});
    await http.advance(actorOf(world, step.action), id, step.action, body);
    if (between) await between(id, step);
  }
  const ds = app.get(DataSource);
  // The draft row first, a minute before the first step; then each step at its instant.
  const rows = await ds.query<{ id: string }[]>(
    `SELECT id FROM referral_transitions WHERE referral_id = $1 ORDER BY occurred_at, id`,
    [id],
  );
  if (rows.length !== steps.length + 1) throw new Error(`history of ${id}: ${rows.length} rows`);
  const instants = [
    new Date(Date.parse(steps[0].at) - 60_000).toISOString(),
    ...steps.map((s) => s.at),
  ];
  for (const [i, row] of rows.entries()) {
    await ds.query(`UPDATE referral_transitions SET occurred_at = $2 WHERE id = $1`, [
      row.id,
      instants[i],
    ]);
  }
  return id;
}

/** An initial report (or a correction of one) drafted and submitted over HTTP by P1's worker. */
export async function submitInitialReport(
  app: INestApplication,
  world: ReferralWorld,
  referralId: string,
  correctsId?: string,
): Promise<string> {
  const http = httpOf(app);
  const created = await http.post(world.workerP1, `${API}/referrals/${referralId}/reports`, {
    kind: 'initial',
    periodFrom: '2025-01-01',
    periodUntil: '2025-01-31',
    sections: [{ category: 'participation', text: 'Drei Hausbesuche, Klientin nimmt teil.' }],
    ...(correctsId ? { correctsId } : {}),
  });
  if (created.status !== 201)
    throw new Error(`report: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await http.post(
    world.workerP1,
    `${API}/reports/${created.body.id}/submit`,
    undefined,
    { ifMatch: created.headers.etag },
  );
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status}`);
  return created.body.id as string;
}

/** Moves a submitted report's submission back in time (its immutability trigger set aside). */
export async function backdateSubmission(app: INestApplication, reportId: string, at: string) {
  await app.get(DataSource).transaction(async (manager) => {
    await manager.query(`SET LOCAL session_replication_role = replica`);
    await manager.query(`UPDATE reports SET submitted_at = $2 WHERE id = $1`, [reportId, at]);
  });
}

/** The first instant of a calendar month in Europe/Berlin, computed with Intl (not SQL). */
export function berlinMonthStart(month: string): number {
  const [y, m] = month.split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, 1);
  // The offset of Berlin at that moment (at most 2 hours off, so noon UTC tells the day's offset).
  const name = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    timeZoneName: 'longOffset',
  })
    .formatToParts(new Date(utcMidnight + 12 * 3600_000))
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00"
  const [, sign, hh, mm] = /GMT([+-])(\d{2}):(\d{2})/.exec(name)!;
  const offset = (sign === '+' ? 1 : -1) * (Number(hh) * 60 + Number(mm)) * 60_000;
  return utcMidnight - offset;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
