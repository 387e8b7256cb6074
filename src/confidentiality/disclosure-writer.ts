import type { Type } from '@nestjs/common';
import type { Readable } from './content-category';
import { Open, rulesOf, Sealed, type DisclosureViolation, type FieldRule } from './disclosure';

/**
 * Writes the body as JSON text; `undefined` where `JSON.stringify` gives none (the field or
 * body is left out, an item of a list becomes `null`).
 */
type Writer = (
  value: unknown,
  readable: Readable,
  violations: DisclosureViolation[],
) => string | undefined;

const WRITERS = new WeakMap<Type<unknown>, Writer>();

/**
 * `JSON.stringify(disclose(type, value, readable, violations))` in one pass, with the same
 * violations in the same order: the field rules of each DTO type are compiled once into one
 * function per field, and the kept values are written as they are decided, without the
 * filtered copy of the body. It fails closed exactly as `disclose` does (a field without a rule
 * is not written and reported); `test/confidentiality/disclosure-writer.property.spec.ts` holds
 * the two equal over every `@Discloses` type.
 */
export function disclosedJson(
  type: Type<unknown>,
  value: unknown,
  readable: Readable,
  violations: DisclosureViolation[] = [],
): string | undefined {
  return writerOf(type)(value, readable, violations);
}

function writerOf(type: Type<unknown>): Writer {
  let writer = WRITERS.get(type);
  if (!writer) {
    writer = compile(type);
    WRITERS.set(type, writer);
  }
  return writer;
}

/** The writer of a nested type, looked up at its first use (types may nest themselves). */
function lazyWriter(nested: () => Type<unknown>): Writer {
  let writer: Writer | undefined;
  return (value, readable, violations) =>
    (writer ??= writerOf(nested()))(value, readable, violations);
}

/** Writes one field's value; `undefined` leaves the field out. */
type FieldWriter = (
  value: unknown,
  readable: Readable,
  violations: DisclosureViolation[],
) => string | undefined;

const json = (value: unknown): string | undefined => JSON.stringify(value);

function compile(type: Type<unknown>): Writer {
  const rules = rulesOf(type);
  const fields = new Map<string, { key: string; write: FieldWriter }>();
  for (const [field, rule] of rules ?? []) {
    fields.set(field, {
      key: `${JSON.stringify(field)}:`,
      write: fieldWriter(type.name, field, rule),
    });
  }
  const write: Writer = (value, readable, violations) => {
    if (Array.isArray(value)) return listOf(value, write, readable, violations);
    if (value === null || typeof value !== 'object' || value instanceof Date) return json(value);
    if (!rules) {
      violations.push({ type: type.name, field: '*', reason: 'no rules' });
      return '{}';
    }
    let out = '';
    const body = value as Record<string, unknown>;
    for (const field of Object.keys(body)) {
      const compiled = fields.get(field);
      if (!compiled) {
        violations.push({ type: type.name, field, reason: 'untagged field' });
        continue;
      }
      const text = compiled.write(body[field], readable, violations);
      if (text !== undefined) out += out === '' ? compiled.key + text : `,${compiled.key}${text}`;
    }
    return `{${out}}`;
  };
  return write;
}

function listOf(
  items: readonly unknown[],
  write: Writer,
  readable: Readable,
  violations: DisclosureViolation[],
): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const text = write(items[i], readable, violations) ?? 'null';
    out += i === 0 ? text : `,${text}`;
  }
  return `[${out}]`;
}

function fieldWriter(type: string, field: string, rule: FieldRule): FieldWriter {
  switch (rule.kind) {
    case 'sealedItems': {
      const nested = lazyWriter(rule.nested);
      return (value, readable, violations) => {
        if (!Array.isArray(value)) {
          violations.push({ type, field, reason: 'not a list' });
          return undefined;
        }
        const shown: string[] = [];
        for (const item of value as unknown[]) {
          if (!(item instanceof Sealed)) {
            violations.push({ type, field, reason: 'unsealed value' });
          } else if (readable.has(item.category)) {
            shown.push(nested(item.value, readable, violations) ?? 'null');
          }
        }
        return `[${shown.join(',')}]`;
      };
    }
    case 'sealed': {
      const withheld = rule.withheldAsNull ? 'null' : undefined;
      return (value, readable, violations) => {
        if (value instanceof Sealed)
          return readable.has(value.category) ? json(value.value) : withheld;
        if (value instanceof Open) return json(value.value);
        if (value === null) return 'null';
        if (value === undefined) return undefined;
        violations.push({ type, field, reason: 'unsealed value' });
        return undefined;
      };
    }
    case 'meta':
    case 'content': {
      const category = rule.kind === 'content' ? rule.category : null;
      const write = rule.nested ? lazyWriter(rule.nested) : json;
      return (value, readable, violations) => {
        if (category !== null && !readable.has(category)) return undefined;
        if (value instanceof Sealed) {
          violations.push({ type, field, reason: 'sealed value outside a sealed field' });
          return undefined;
        }
        return write(value, readable, violations);
      };
    }
  }
}
