import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor } from '../common/pagination/cursor';
import type { Page } from '../common/pagination/page';
import { clientOfJobcenter, referralWasAccepted } from '../confidentiality/case-access';
import type { DisclosureRecordScope } from '../confidentiality/case-access.service';
import type { DisclosureAction } from './audit-actions';
import { AuditActorKind } from './audit-event.entity';
import { CLIENT_WITHHELD } from './audit-visibility';
import { DisclosedData, DISCLOSURE_RECORD_ACTIONS } from './disclosure-record';

/** One successful disclosure about a client, with its recipient organisation's name. */
export interface DisclosureRow {
  /** The audit event's id (a bigint, as a string); the keyset of the record. */
  id: string;
  occurredAt: Date;
  action: DisclosureAction;
  recipientKind: AuditActorKind.User | AuditActorKind.ApiKey;
  recipientOrganisationId: string;
  /** Null only if the organisation is unknown to the directory. */
  recipientOrganisationName: string | null;
  categories: string[];
  /** The provider whose case content it was; null for the jobcenter's data. */
  authorOrganisationId: string | null;
  /** For `client.disclose`: which of the jobcenter's data (`client_record`, `referral_summary`). */
  data: string | null;
}

export interface DisclosureFilter {
  /** ISO timestamp with offset; inclusive. */
  from?: string;
  /** ISO timestamp with offset; exclusive. */
  to?: string;
}

const LIST = 'client-disclosures';
const EVENT_ID = /^[1-9][0-9]{0,18}$/;

// Whose data a disclosure showed, as a condition on the party $2 (uuid) / $3 (the same, text):
// case content is its author provider's, the client record the client's jobcenter's.
const AUTHORED_BY_PARTY: Record<DisclosedData, string> = {
  [DisclosedData.CaseContent]: `e.details ->> 'authorOrganisationId' = $3::text`,
  [DisclosedData.ClientRecord]: clientOfJobcenter('$1', '$2::uuid'),
  [DisclosedData.ReferralSummary]: clientOfJobcenter('$1', '$2::uuid'),
};

const ACTIONS = Object.entries(DISCLOSURE_RECORD_ACTIONS);

// A disclosure whose reader was not told who the client is (the summary of a referral the
// provider had not accepted): a party sees it only once that referral was accepted, so that its
// time does not link the request to the client (ADR 0009).
const LINKABLE_FOR_PARTY = `(NOT COALESCE((e.details ->> '${CLIENT_WITHHELD}')::boolean, false)
       OR ${referralWasAccepted("e.details ->> 'referralId'")})`;

// One branch per action, each a backward range scan of audit_events_client_id_action_idx that
// stops after $7 matches; the outer query merges them and names the recipients (organisations
// read read-only: an allowance of scripts/module-map.js, as identity imports audit). A party ($2) sees the disclosures it received or that showed its
// own data; without a party, all.
const branch = (actionParam: number, disclosed: DisclosedData) => `
  (SELECT e.id, e.occurred_at, e.action, e.actor_kind, e.organisation_id, e.categories,
          e.details ->> 'authorOrganisationId' AS author_organisation_id,
          e.details ->> 'data' AS data
     FROM audit_events e
    WHERE e.client_id = $1 AND e.action = $${actionParam} AND e.outcome = 'success'
      AND ($2::uuid IS NULL OR ((e.organisation_id = $2::uuid OR ${AUTHORED_BY_PARTY[disclosed]})
                                AND ${LINKABLE_FOR_PARTY}))
      AND ($4::timestamptz IS NULL OR e.occurred_at >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR e.occurred_at < $5::timestamptz)
      AND ($6::bigint IS NULL OR e.id < $6::bigint)
    ORDER BY e.id DESC
    LIMIT $7)`;

const FIRST_ACTION_PARAM = 8;

const DISCLOSURES_SQL = `
  SELECT d.id::text AS "id",
         d.occurred_at AS "occurredAt",
         d.action AS "action",
         d.actor_kind::text AS "recipientKind",
         d.organisation_id::text AS "recipientOrganisationId",
         o.name AS "recipientOrganisationName",
         d.categories AS "categories",
         d.author_organisation_id AS "authorOrganisationId",
         d.data AS "data"
    FROM (${ACTIONS.map(([, what], i) => branch(FIRST_ACTION_PARAM + i, what)).join(' UNION ALL ')}) d
    LEFT JOIN organisations o ON o.id = d.organisation_id
   ORDER BY d.id DESC
   LIMIT $7`;

/**
 * Reads a client's disclosure record: the successful `content.disclose` and `client.disclose`
 * events of the client, within the scope `CaseAccess.disclosureRecordScope` gave the reader.
 */
@Injectable()
export class ClientDisclosuresRepository {
  /** The client's disclosures within `scope`, newest first. */
  async list(
    manager: EntityManager,
    scope: DisclosureRecordScope,
    clientId: string,
    filter: DisclosureFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<DisclosureRow>> {
    const after = page.cursor === undefined ? null : cursorEventId(page.cursor);
    const party = scope.kind === 'party' ? scope.organisationId : null;
    const rows = await manager.query<DisclosureRow[]>(DISCLOSURES_SQL, [
      clientId,
      party,
      party,
      filter.from ?? null,
      filter.to ?? null,
      after,
      page.limit + 1,
      ...ACTIONS.map(([action]) => action),
    ]);
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > page.limit && last ? encodeCursor(LIST, [last.id]) : null,
    };
  }
}

function cursorEventId(cursor: string): string {
  const [id] = decodeCursor(LIST, cursor, 1);
  if (typeof id !== 'string' || !EVENT_ID.test(id)) throw new InvalidCursor();
  return id;
}
