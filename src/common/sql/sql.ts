/**
 * A small typed helper for the hand-written SQL of the read paths (docs/architecture/0015):
 * values travel as parameters, lists of enum values as one array parameter, never spliced into
 * the text; rows are typed where the query is issued.
 */

/** Appends a parameter to the statement's list and answers its placeholder (`$n`). */
export type AddParam = (value: unknown) => string;

export function paramsAdder(params: unknown[]): AddParam {
  return (value) => `$${params.push(value)}`;
}

/**
 * The PostgreSQL enum types a list may be cast to (the `enumName`s of the entities). A list is
 * sent as one array parameter of this type, so the planner sees the same statement whatever the
 * list holds.
 */
export type PgEnumType =
  | 'data_category'
  | 'referral_state'
  | 'referral_action'
  | 'referral_reason'
  | 'report_status'
  | 'user_role'
  | 'onward_referral_state';

/** `= ANY($n::type[])`: "the column holds one of `values`", with the list as one parameter. */
export function anyOf<T extends string>(
  add: AddParam,
  values: readonly T[],
  type: PgEnumType,
): string {
  return `= ANY(${add([...values])}::${type}[])`;
}

/**
 * A constant enum value written into the text (for conditions fixed at build time, which keep
 * the statement's text and plan the same for every call). Only lower-case identifiers pass, so
 * nothing a caller sends can ever be spliced in.
 */
export function enumLiteral<T extends string>(value: T): string {
  if (!/^[a-z][a-z_]*$/.test(value)) throw new Error(`Not an enum value: ${value}`);
  return `'${value}'`;
}
