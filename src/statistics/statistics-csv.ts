import { neutralised } from '../common/csv/csv-safety';
import type { CountCellDto, ReferralStatisticsDto } from './dto/referral-statistics.dto';
import { StatisticsTable } from './dto/referral-statistics-query.dto';

/** How a CSV is written: RFC 4180 with commas, or semicolons (German spreadsheets). */
export interface CsvDialect {
  separator: ',' | ';';
  /** The decimal mark of numbers. */
  decimal: '.' | ',';
  /** A UTF-8 byte order mark first, so that a spreadsheet reads the file as UTF-8. */
  bom: boolean;
}

export const RFC_4180: CsvDialect = { separator: ',', decimal: '.', bom: false };
export const GERMAN_SPREADSHEET: CsvDialect = { separator: ';', decimal: ',', bom: true };

type Field = string | number | null;

/**
 * One CSV field. Null is empty; a number is written as it is (counts and shares are never
 * negative), with the dialect's decimal mark. Every text is quoted (RFC 4180, its quotes
 * doubled), so that no separator, quote or line break inside it can split or end the field,
 * and a text a spreadsheet would run as a formula is prefixed with `'`.
 */
export function csvField(value: Field, dialect: CsvDialect = RFC_4180): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    return dialect.decimal === '.' ? String(value) : String(value).replace('.', dialect.decimal);
  }
  const text = neutralised(value);
  return `"${text.replace(/"/g, '""')}"`;
}

function csvOf(rows: Field[][], dialect: CsvDialect): string {
  const body =
    rows.map((row) => row.map((f) => csvField(f, dialect)).join(dialect.separator)).join('\r\n') +
    '\r\n';
  return dialect.bom ? `\uFEFF${body}` : body;
}

const count = (cell: CountCellDto) => cell.count;

/**
 * One table of the statistics as CSV: a header row, then the rows; suppressed cells are empty.
 * Month tables end with a `total` row (column totals and the grand total).
 */
export function statisticsCsv(
  statistics: ReferralStatisticsDto,
  table: StatisticsTable,
  dialect: CsvDialect = RFC_4180,
): string {
  const csv = (rows: Field[][]) => csvOf(rows, dialect);
  switch (table) {
    case StatisticsTable.ByState:
      return csv([
        ['state', 'count'],
        ...statistics.byState.items.map((item) => [item.state, item.count]),
        ['total', count(statistics.byState.total)],
      ]);
    case StatisticsTable.ByOutcome:
      return csv([
        ['state', 'outcome', 'count', 'releasedOnly'],
        ...statistics.byOutcome.flatMap((group) => [
          ...group.outcomes.map((o) => [group.state, o.outcome, o.count, String(o.releasedOnly)]),
          [group.state, 'total', count(group.total), 'false'],
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
        ['measure', 'value', 'basis', 'releasedOnly'],
        [
          'acceptanceRate',
          statistics.acceptanceRate.rate,
          count(statistics.acceptanceRate.decided),
          'false',
        ],
        ...(
          [
            ['medianDaysToAcceptance', statistics.medianDaysToAcceptance],
            ['medianDaysToFirstContact', statistics.medianDaysToFirstContact],
            ['medianDaysToClosure', statistics.medianDaysToClosure],
          ] as const
        ).map(([measure, m]) => [measure, m.days, count(m.basis), String(m.releasedOnly)]),
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
