import type { EntityManager } from 'typeorm';
import { enumLiteral } from '../common/sql/sql';
import { ReportKind, ReportStatus } from './report.entity';

/**
 * The report tables as other modules may read them (docs/architecture/0016): facts about
 * reports that every party to the referral sees whatever consent releases (kind, submission
 * date), never a section.
 */

const TIME_ZONE = 'Europe/Berlin';

/**
 * Of the referrals `referrals` (an SQL subquery of ids, which may use `$1`), those whose first
 * submitted initial report was submitted in `[from, until)` (`$2`, `$3`: `YYYY-MM-DD` days read
 * in Europe/Berlin). Billing's `initial_assessment` (ADR 0023): the jobcenter sees that a
 * report of this kind was submitted, and when, without any release (ADR 0006). A correction of
 * the report is not a second assessment.
 */
export async function firstInitialReportsSubmitted(
  manager: EntityManager,
  referrals: string,
  parameter: string,
  from: string,
  until: string,
): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT p.referral_id AS id
       FROM reports p
      WHERE p.referral_id IN ${referrals}
        AND p.kind = ${enumLiteral(ReportKind.Initial)}
        AND p.status = ${enumLiteral(ReportStatus.Submitted)}
      GROUP BY p.referral_id
     HAVING min(p.submitted_at) >= (CAST($2 AS date)::timestamp AT TIME ZONE '${TIME_ZONE}')
        AND min(p.submitted_at) < (CAST($3 AS date)::timestamp AT TIME ZONE '${TIME_ZONE}')
      ORDER BY 1`,
    [parameter, from, until],
  );
  return rows.map((r) => r.id);
}
