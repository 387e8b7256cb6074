import { BillingUnit } from '../providers/billing-unit';
import type { StatementDto } from './dto/statement.dto';
import { neutralised } from '../common/csv/csv-safety';
import { statementCsv } from './statement-csv';

describe('statement CSV', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx'])(
    'prefixes %j, which a spreadsheet would run, with a quote',
    (value) => {
      expect(neutralised(value)).toBe(`'${value}`);
    },
  );

  it('leaves other text as it is', () => {
    expect(neutralised('AH-2026-014')).toBe('AH-2026-014');
    expect(neutralised("'=x")).toBe("'=x");
  });

  it('quotes every field, doubles quotes, and neutralises the contract number', () => {
    const statement = {
      id: '00000000-0000-4000-8000-000000000001',
      contractId: '00000000-0000-4000-8000-000000000002',
      contractNumber: '=HYPERLINK("x";"y")',
      jobcenterId: '00000000-0000-4000-8000-000000000003',
      providerId: '00000000-0000-4000-8000-000000000004',
      month: '2026-10',
      edition: 1,
      correctionReason: null,
      lineCount: 1,
      totalCents: 45000,
      total: '450.00',
      createdAt: new Date(0),
      subtotals: [],
      lines: [
        {
          referralId: '00000000-0000-4000-8000-000000000005',
          unit: BillingUnit.ActiveCaseMonth,
          unitPriceCents: 45000,
          amount: '450.00',
        },
      ],
    } satisfies StatementDto;
    const csv = statementCsv(statement);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(
      '"contract","month","edition","correctionReason","referralId","unit","amountEur"',
    );
    expect(rows[1]).toBe(
      '"\'=HYPERLINK(""x"";""y"")","2026-10","1","","00000000-0000-4000-8000-000000000005","active_case_month","450.00"',
    );
    expect(csv.endsWith('"","total","450.00"\r\n')).toBe(true);
  });
});
