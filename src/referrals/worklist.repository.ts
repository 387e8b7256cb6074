import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor';
import type { Page } from '../common/pagination/page';
import { ReferralState } from '../common/referral-states';
import { enumLiteral, paramsAdder } from '../common/sql/sql';
import { referralVisible, type ReferralScope } from '../confidentiality/case-access';
import { clientRestricted } from '../confidentiality/restriction';

/** A referral that is an item of somebody's worklist. */
export interface WorklistRow {
  referralId: string;
  clientId: string;
  state: ReferralState;
  since: Date;
  firstContactDue: string | null;
}

/** Names the list's cursors, so that a cursor of another list is refused. */
const LIST = 'worklist';

const REQUESTED = enumLiteral(ReferralState.Requested);
const ACCEPTED = enumLiteral(ReferralState.Accepted);

/** When the item arose; the expression of the partial indexes `referrals_worklist_*`. */
const SINCE = `(CASE WHEN r.state = ${REQUESTED} THEN r.sent_at ELSE r.accepted_at END)`;

/**
 * The worklist's referrals (ADR 0019), computed on read: a jobcenter caseworker's own referrals
 * awaiting the provider's answer or their start (`caseManagerId`); a provider's referrals
 * awaiting its decision (a lead) or their first contact (a worker: those assigned to them, by the
 * scope). Whether a first contact was made decides only provider items: for the jobcenter it is
 * participation content (ADR 0009). Oldest item first, keyset on (since, id).
 */
@Injectable()
export class WorklistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    scope: ReferralScope,
    caseManagerId: string | null,
    page: { limit: number; cursor?: string },
  ): Promise<Page<WorklistRow>> {
    const params: unknown[] = [];
    const add = paramsAdder(params);
    // A restricted client's referrals are left out of every list (ADR 0020).
    const where = [referralVisible(scope, 'r', add), `NOT ${clientRestricted('r.client_id')}`];
    if (scope.kind === 'jobcenter') {
      where.push(
        `r.case_manager_id = ${add(caseManagerId)}`,
        // The partial index's predicate, written as PostgreSQL stores it (`IN` is `= ANY`).
        `r.state = ANY (ARRAY[${REQUESTED}, ${ACCEPTED}]::referral_state[])`,
      );
    } else if (scope.workerId) {
      where.push(`r.state = ${ACCEPTED} AND r.first_contact_at IS NULL`);
    } else {
      where.push(
        `(r.state = ${REQUESTED} OR (r.state = ${ACCEPTED} AND r.first_contact_at IS NULL))`,
      );
    }
    if (page.cursor) {
      const [since, id] = decodeCursor(LIST, page.cursor, 2);
      where.push(`(${SINCE}, r.id) > (${add(since)}::timestamptz, ${add(id)}::uuid)`);
    }
    const rows = await this.dataSource.query<
      {
        id: string;
        client_id: string;
        state: ReferralState;
        since: Date;
        since_key: string;
        first_contact_due: string | null;
      }[]
    >(
      `SELECT r.id, r.client_id, r.state, ${SINCE} AS since, r.first_contact_due::text AS first_contact_due,
              -- the cursor's key to the microsecond (a Date would cut it to the millisecond)
              to_char(${SINCE} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS since_key
         FROM referrals r
        WHERE ${where.join(' AND ')}
        ORDER BY ${SINCE}, r.id
        LIMIT ${add(page.limit + 1)}`,
      params,
    );
    const shown = rows.slice(0, page.limit);
    const items = shown.map((row) => ({
      referralId: row.id,
      clientId: row.client_id,
      state: row.state,
      since: row.since,
      firstContactDue: row.first_contact_due,
    }));
    const last = shown[shown.length - 1];
    const nextCursor =
      rows.length > page.limit && last ? encodeCursor(LIST, [last.since_key, last.id]) : null;
    return { items, nextCursor };
  }
}
