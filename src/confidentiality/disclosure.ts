import type { Type } from '@nestjs/common';
import type { ContentCategory, Readable } from './content-category';

/** A value whose category is known only per row (e.g. a history reason), sealed until output. */
export class Sealed<T = unknown> {
  constructor(
    readonly category: ContentCategory,
    readonly value: T,
  ) {}
}

/**
 * A value of a sealed field that is, in this row, not case content (e.g. the reason a provider
 * rejected a referral: commissioning data). Said explicitly, so that a plain value in a sealed
 * field still means "forgot to seal" and is withheld.
 */
export class Open<T = unknown> {
  constructor(readonly value: T) {}
}

type Plain = string | number | boolean | bigint | symbol | Date | null | undefined;

/**
 * A response body before the disclosure step, as its mapper builds it: the DTO's shape, in which
 * any value at any depth may still be sealed, a list's items each on their own (the sections of
 * a report, `@SealedItems`). The DTO's field rules decide at output which sealed values show; a
 * sealed value where the rules expect none is withheld (`disclose`).
 */
export type Undisclosed<T> = unknown extends T
  ? T
  : T extends Plain
    ? T
    : T extends readonly (infer Item)[]
      ? readonly MaybeSealed<Item>[]
      : { [K in keyof T]: MaybeSealed<T[K]> };

/** A value of an undisclosed body: plain, sealed with its category, or marked open. */
export type MaybeSealed<T> = Undisclosed<T> | Sealed<Undisclosed<T>> | Open<Undisclosed<T>>;

/** `value` sealed with its row's category, or marked open when the row has none. */
export function sealed<T>(category: ContentCategory | null, value: T): Sealed<T> | Open<T> {
  return category === null ? new Open(value) : new Sealed(category, value);
}

export type FieldRule =
  | { kind: 'meta'; nested?: () => Type<unknown> }
  | { kind: 'content'; category: ContentCategory; nested?: () => Type<unknown> }
  | { kind: 'sealed'; withheldAsNull: boolean }
  | { kind: 'sealedItems'; nested: () => Type<unknown> };

const RULES = Symbol('lotse:disclosure-rules');

/** The field rules of `type` (with its parents'), or none: for the compiled writer and tests. */
export function rulesOf(type: Type<unknown>): ReadonlyMap<string, FieldRule> | undefined {
  return (type.prototype as Record<symbol, Map<string, FieldRule> | undefined>)[RULES];
}

function addRule(target: object, key: string | symbol, rule: FieldRule): void {
  const proto = target as Record<symbol, Map<string, FieldRule> | undefined>;
  // Own map per class, so that a subclass adds to a copy of its parent's rules.
  if (!Object.prototype.hasOwnProperty.call(proto, RULES)) {
    proto[RULES] = new Map(proto[RULES] ?? []);
  }
  proto[RULES]!.set(String(key), rule);
}

/** Not case content: ids, states, dates of the workflow. Shown to whoever may call the route. */
export const Meta =
  (nested?: () => Type<unknown>): PropertyDecorator =>
  (target, key) =>
    addRule(target, key, { kind: 'meta', nested });

/** Case content of one category: shown only where that category is readable. */
export const Content =
  (category: ContentCategory, nested?: () => Type<unknown>): PropertyDecorator =>
  (target, key) =>
    addRule(target, key, { kind: 'content', category, nested });

/**
 * Case content whose category comes with each value (`sealed(category, value)`). A withheld
 * value is dropped, or with `withheldAsNull` shown as null, where null also means "none", so
 * that the reader cannot tell a withheld value from a missing one.
 */
export const SealedContent =
  (options: { withheldAsNull?: boolean } = {}): PropertyDecorator =>
  (target, key) =>
    addRule(target, key, { kind: 'sealed', withheldAsNull: options.withheldAsNull ?? false });

/**
 * A list whose items each carry their own category (`sealed(category, item)`), e.g. the sections
 * of a report: items the reader may not read are removed without a trace, so that the reader
 * learns neither how many there were nor what they were about.
 */
export const SealedItems =
  (nested: () => Type<unknown>): PropertyDecorator =>
  (target, key) =>
    addRule(target, key, { kind: 'sealedItems', nested });

export interface DisclosureViolation {
  type: string;
  field: string;
  reason:
    | 'untagged field'
    | 'unsealed value'
    | 'sealed value outside a sealed field'
    | 'no rules'
    | 'not a list'
    | 'not a JSON body';
}

/**
 * The output check of the disclosure policy: keeps what `readable` allows of a response of
 * `type` and drops everything else. It fails closed: a field without a rule, an unsealed value
 * in a sealed field, or a type without rules is dropped and reported as a violation.
 */
export function disclose(
  type: Type<unknown>,
  value: unknown,
  readable: Readable,
  violations: DisclosureViolation[] = [],
): unknown {
  if (Array.isArray(value)) return value.map((item) => disclose(type, item, readable, violations));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const rules = rulesOf(type);
  if (!rules) {
    violations.push({ type: type.name, field: '*', reason: 'no rules' });
    return {};
  }
  const kept: Record<string, unknown> = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    const rule = rules.get(field);
    if (!rule) {
      violations.push({ type: type.name, field, reason: 'untagged field' });
      continue;
    }
    if (rule.kind === 'sealedItems') {
      if (!Array.isArray(fieldValue)) {
        violations.push({ type: type.name, field, reason: 'not a list' });
        continue;
      }
      kept[field] = fieldValue.flatMap((item: unknown) => {
        if (!(item instanceof Sealed)) {
          violations.push({ type: type.name, field, reason: 'unsealed value' });
          return [];
        }
        return readable.has(item.category)
          ? [disclose(rule.nested(), item.value, readable, violations)]
          : [];
      });
      continue;
    }
    if (rule.kind === 'sealed') {
      if (fieldValue instanceof Sealed) {
        if (readable.has(fieldValue.category)) kept[field] = fieldValue.value;
        else if (rule.withheldAsNull) kept[field] = null;
      } else if (fieldValue instanceof Open) {
        kept[field] = fieldValue.value;
      } else if (fieldValue === null || fieldValue === undefined) {
        kept[field] = fieldValue;
      } else {
        violations.push({ type: type.name, field, reason: 'unsealed value' });
      }
      continue;
    }
    if (rule.kind === 'content' && !readable.has(rule.category)) continue;
    if (fieldValue instanceof Sealed) {
      violations.push({ type: type.name, field, reason: 'sealed value outside a sealed field' });
      continue;
    }
    kept[field] = rule.nested
      ? disclose(rule.nested(), fieldValue, readable, violations)
      : fieldValue;
  }
  return kept;
}

/** Whether anything in `value` is still sealed (a response that skipped `disclose`). */
export function containsSealed(value: unknown): boolean {
  if (value instanceof Sealed || value instanceof Open) return true;
  if (Array.isArray(value)) return value.some(containsSealed);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.values(value).some(containsSealed);
  }
  return false;
}
