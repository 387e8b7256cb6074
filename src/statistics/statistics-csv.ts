import type { CountCellDto, ReferralStatisticsDto } from './dto/referral-statistics.dto';
import { StatisticsTable } from './dto/referral-statistics-query.dto';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Whether the caller asked for CSV rather than JSON: `text/csv` with a quality at least that of
 * `application/json`. Wildcard ranges count for JSON only, so that "anything" gets JSON.
 */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const range of accept.split(',')) {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const weight = parameters.find((p) => p.startsWith('q='));
    const q = weight === undefined ? 1 : Number(weight.slice(2));
    if (!Number.isFinite(q)) continue;
    if (type === 'text/csv') csv = Math.max(csv, q);
    if (type === 'application/json' || type === 'application/*' || type === '*/*') {
      json = Math.max(json, q);
    }
  }
  return csv > 0 && csv >= json;
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * One CSV field (RFC 4180): null is empty; a field that a spreadsheet would run as a formula is
 * prefixed with `'` and quoted; a field with a comma, quote or line break is quoted, its quotes
 * doubled.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  let quoted = /[",\r\n]/.test(text);
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
    quoted = true;
  }
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: (string | number | null)[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const count = (cell: CountCellDto) => cell.count;

/**
 * One table of the statistics as CSV: a header row, then the rows; suppressed cells are empty.
 * Month tables end with a `total` row (column totals and the grand total).
 */
export function statisticsCsv(statistics: ReferralStatisticsDto, table: StatisticsTable): string {
  switch (table) {
    case StatisticsTable.ByState:
      return csv([
        ['state', 'count'],
        ...statistics.byState.items.map((item) => [item.state, item.count]),
        ['total', count(statistics.byState.total)],
      ]);
    case StatisticsTable.ByOutcome:
      return csv([
        ['state', 'outcome', 'count'],
        ...statistics.byOutcome.flatMap((group) => [
          ...group.outcomes.map((o) => [group.state, o.outcome, o.count]),
          [group.state, 'total', count(group.total)],
        ]),
      ]);
    case StatisticsTable.ByProviderAndMonth:
    case StatisticsTable.ByJobcenterAndMonth: {
      const organisation = table === StatisticsTable.ByProviderAndMonth ? 'provider' : 'jobcenter';
      const data =
        table === StatisticsTable.ByProviderAndMonth
          ? statistics.byProviderAndMonth
          : statistics.byJobcenterAndMonth;
      if (!data) throw new Error(`${table} is not part of these statistics`);
      return csv([
        [`${organisation}Id`, organisation, ...statistics.months, 'total'],
        ...data.rows.map((row) => [
          row.organisationId,
          row.organisationName,
          ...row.cells.map(count),
          count(row.total),
        ]),
        [null, 'total', ...data.columnTotals.map(count), count(data.total)],
      ]);
    }
    case StatisticsTable.ByServiceAndMonth: {
      const data = statistics.byServiceAndMonth;
      return csv([
        ['service', ...statistics.months, 'total'],
        ...data.rows.map((row) => [row.service, ...row.cells.map(count), count(row.total)]),
        ['total', ...data.columnTotals.map(count), count(data.total)],
      ]);
    }
    case StatisticsTable.Summary:
      return csv([
        ['measure', 'value'],
        ['acceptanceRate', statistics.acceptanceRate.rate],
        ['medianDaysToAcceptance', statistics.medianDaysToAcceptance.days],
        ['medianDaysToFirstContact', statistics.medianDaysToFirstContact.days],
        ['medianDaysToClosure', statistics.medianDaysToClosure.days],
      ]);
    case StatisticsTable.CapacityUse:
      return csv([
        [
          'contractId',
          'contractNumber',
          'providerId',
          'provider',
          'jobcenterId',
          'jobcenter',
          'services',
          'capacity',
          'openReferrals',
          'share',
        ],
        ...statistics.capacityUse.map((c) => [
          c.contractId,
          c.contractNumber,
          c.providerId,
          c.providerName,
          c.jobcenterId,
          c.jobcenterName,
          c.services.join(' '),
          c.capacity,
          c.openReferrals,
          c.share,
        ]),
      ]);
  }
}
