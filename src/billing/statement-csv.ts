import { stringify } from 'csv-stringify/sync';
import { neutralised } from '../common/csv/csv-safety';
import type { StatementDto } from './dto/statement.dto';

const HEADER = [
  'contract',
  'month',
  'edition',
  'correctionReason',
  'referralId',
  'unit',
  'amountEur',
];

/**
 * One edition as CSV (RFC 4180, CRLF, every field quoted): one row per line with its amount in
 * euros, then a `total` row. Every text field goes through `neutralised`, the contract number
 * (the jobcenter's free text) included.
 */
export function statementCsv(statement: StatementDto): string {
  const head = [
    statement.contractNumber,
    statement.month,
    String(statement.edition),
    statement.correctionReason ?? '',
  ];
  const rows = [
    HEADER,
    ...statement.lines.map((line) => [...head, line.referralId, line.unit, line.amount]),
    [...head, '', 'total', statement.total],
  ];
  return stringify(rows, {
    quoted: true,
    quoted_empty: true,
    record_delimiter: '\r\n',
    cast: { string: neutralised },
  });
}

/** A file name for the edition, of ids and digits only. */
export function statementFilename(statement: StatementDto): string {
  return `statement-${statement.contractId}-${statement.month}-${statement.edition}.csv`;
}
