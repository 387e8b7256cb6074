import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DataCopy, Row } from './data-copy';

/** The rows of `sql` (one parameter, the client's id), each as JSON. */
async function rows(manager: EntityManager, sql: string, clientId: string): Promise<Row[]> {
  const found = await manager.query<{ row: Row }[]>(
    `SELECT row_to_json(t) AS row FROM (${sql}) t`,
    [clientId],
  );
  return found.map((r) => r.row);
}

const REFERRALS = 'SELECT id FROM referrals WHERE client_id = $1';

/**
 * Reads everything Lotse holds about one client for the Art. 15 copy (ADR 0020): the same
 * tables an erasure reaches, every column (the disclosure record comes from the audit module).
 * A table home like erasure (scripts/module-map.js).
 */
@Injectable()
export class DataCopyRepository {
  async read(
    manager: EntityManager,
    clientId: string,
  ): Promise<Omit<DataCopy, 'createdAt' | 'disclosures'>> {
    const [client] = await rows(manager, 'SELECT * FROM clients WHERE id = $1', clientId);
    return {
      clientId,
      client,
      referrals: await rows(
        manager,
        'SELECT * FROM referrals WHERE client_id = $1 ORDER BY created_at, id',
        clientId,
      ),
      history: await rows(
        manager,
        `SELECT * FROM referral_transitions WHERE referral_id IN (${REFERRALS})
          ORDER BY occurred_at, id`,
        clientId,
      ),
      activities: await rows(
        manager,
        `SELECT * FROM activities WHERE referral_id IN (${REFERRALS}) ORDER BY occurred_at, id`,
        clientId,
      ),
      reports: await rows(
        manager,
        'SELECT * FROM reports WHERE client_id = $1 ORDER BY created_at, id',
        clientId,
      ),
      reportSections: await rows(
        manager,
        `SELECT * FROM report_sections
          WHERE report_id IN (SELECT id FROM reports WHERE client_id = $1) ORDER BY report_id, id`,
        clientId,
      ),
      consents: await rows(
        manager,
        'SELECT * FROM consent_records WHERE client_id = $1 ORDER BY recorded_at, id',
        clientId,
      ),
      consentGrants: await rows(
        manager,
        `SELECT * FROM consent_grants
          WHERE consent_id IN (SELECT id FROM consent_records WHERE client_id = $1)
          ORDER BY consent_id, id`,
        clientId,
      ),
    };
  }
}
