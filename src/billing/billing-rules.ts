import type { BillingUnit } from '../providers/billing-unit';

/**
 * Pure rules of billing statements (ADR 0023): which month may be billed, and exact sums in
 * cents. No floating point anywhere: cents are bigints, euros are formatted from them.
 */

/** A calendar month `YYYY-MM` as the days that bound it: `[from, until)`, and its last day. */
export interface MonthSpan {
  month: string;
  from: string;
  until: string;
  last: string;
}

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function monthSpan(month: string): MonthSpan {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  const year = Number(match[1]);
  const m = Number(match[2]);
  const next = m === 12 ? { y: year + 1, m: 1 } : { y: year, m: m + 1 };
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return {
    month,
    from: `${pad(year, 4)}-${pad(m)}-01`,
    until: `${pad(next.y, 4)}-${pad(next.m)}-01`,
    last: `${pad(year, 4)}-${pad(m)}-${pad(lastDay)}`,
  };
}

/** A month is billable once it has ended: its last day is before `today` (Europe/Berlin). */
export function isClosed(span: MonthSpan, today: string): boolean {
  return span.until <= today;
}

/** Whether the month shares a day with the contract's validity (`validUntil` inclusive). */
export function overlapsValidity(
  span: MonthSpan,
  validFrom: string,
  validUntil: string | null,
): boolean {
  return validFrom <= span.last && (validUntil === null || validUntil >= span.from);
}

/** Cents as euros with two decimals and a point, e.g. `123456n` → `"1234.56"`. */
export function formatEuros(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const euros = abs / 100n;
  const rest = abs % 100n;
  return `${negative ? '-' : ''}${euros}.${rest.toString().padStart(2, '0')}`;
}

/** A line as a statement holds it. */
export interface StatementLine {
  referralId: string;
  unit: BillingUnit;
  unitPriceCents: number;
}

/** One unit's sum over a statement's lines. */
export interface UnitSubtotal {
  unit: BillingUnit;
  count: number;
  unitPriceCents: number;
  amountCents: bigint;
}

/** The lines' subtotals per unit (in the order of first appearance) and their total. */
export function totalsOf(lines: readonly StatementLine[]): {
  subtotals: UnitSubtotal[];
  totalCents: bigint;
} {
  const byUnit = new Map<BillingUnit, UnitSubtotal>();
  let totalCents = 0n;
  for (const line of lines) {
    const price = BigInt(line.unitPriceCents);
    const sub = byUnit.get(line.unit) ?? {
      unit: line.unit,
      count: 0,
      unitPriceCents: line.unitPriceCents,
      amountCents: 0n,
    };
    if (sub.unitPriceCents !== line.unitPriceCents) {
      throw new Error(`one statement bills ${line.unit} at one price`);
    }
    sub.count += 1;
    sub.amountCents += price;
    byUnit.set(line.unit, sub);
    totalCents += price;
  }
  return { subtotals: [...byUnit.values()], totalCents };
}
