import type { Type } from '@nestjs/common';
import type { Readable } from './content-category';
import { Open, rulesOf, Sealed, type DisclosureViolation, type FieldRule } from './disclosure';

type Compiled = (value: unknown, readable: Readable, violations: DisclosureViolation[]) => unknown;

/** A field's value is left out of the body. */
const SKIP: unique symbol = Symbol('lotse:withheld');
type FieldStep = (value: unknown, readable: Readable, violations: DisclosureViolation[]) => unknown;

// eslint-disable-next-line @typescript-eslint/unbound-method -- called with an explicit receiver
const hasOwn = Object.prototype.hasOwnProperty;

const COMPILED = new WeakMap<Type<unknown>, Compiled>();

/**
 * `disclose(type, value, readable, violations)`, compiled: the field rules of each DTO type are
 * turned once into one function per field, so that a response walks no rule table and decides
 * no rule kind per field. Same result, same violations in the same order, failing closed
 * exactly alike (a field without a rule is dropped and reported); the body is then written by
 * Fastify's `JSON.stringify`, which is faster on plain objects than any per-field writer.
 * `test/confidentiality/disclosure-compiled.property.spec.ts` holds the two equal over every
 * `@Discloses` type.
 */
export function discloseCompiled(
  type: Type<unknown>,
  value: unknown,
  readable: Readable,
  violations: DisclosureViolation[] = [],
): unknown {
  return compiledOf(type)(value, readable, violations);
}

function compiledOf(type: Type<unknown>): Compiled {
  let compiled = COMPILED.get(type);
  if (!compiled) {
    compiled = compile(type);
    COMPILED.set(type, compiled);
  }
  return compiled;
}

/** The compiled rules of a nested type, looked up at first use (types may nest themselves). */
function lazy(nested: () => Type<unknown>): Compiled {
  let compiled: Compiled | undefined;
  return (value, readable, violations) =>
    (compiled ??= compiledOf(nested()))(value, readable, violations);
}

function compile(type: Type<unknown>): Compiled {
  const rules = rulesOf(type);
  const steps = new Map<string, FieldStep>();
  for (const [field, rule] of rules ?? []) steps.set(field, fieldStep(type.name, field, rule));
  const run: Compiled = (value, readable, violations) => {
    if (Array.isArray(value)) return value.map((item) => run(item, readable, violations));
    if (value === null || typeof value !== 'object' || value instanceof Date) return value;
    if (!rules) {
      violations.push({ type: type.name, field: '*', reason: 'no rules' });
      return {};
    }
    const kept: Record<string, unknown> = {};
    // The own enumerable string keys in `Object.entries`' order, without an array per field:
    // `for…in` with the own-property test walks V8's enum cache and allocates nothing.
    for (const field in value) {
      if (!hasOwn.call(value, field)) continue;
      const step = steps.get(field);
      if (!step) {
        violations.push({ type: type.name, field, reason: 'untagged field' });
        continue;
      }
      const shown = step((value as Record<string, unknown>)[field], readable, violations);
      if (shown !== SKIP) kept[field] = shown;
    }
    return kept;
  };
  return run;
}

function fieldStep(type: string, field: string, rule: FieldRule): FieldStep {
  switch (rule.kind) {
    case 'sealedItems': {
      const nested = lazy(rule.nested);
      return (value, readable, violations) => {
        if (!Array.isArray(value)) {
          violations.push({ type, field, reason: 'not a list' });
          return SKIP;
        }
        const shown: unknown[] = [];
        for (const item of value as unknown[]) {
          if (!(item instanceof Sealed)) {
            violations.push({ type, field, reason: 'unsealed value' });
          } else if (readable.has(item.category)) {
            shown.push(nested(item.value, readable, violations));
          }
        }
        return shown;
      };
    }
    case 'sealed': {
      const withheld = rule.withheldAsNull ? null : SKIP;
      return (value, readable, violations) => {
        if (value instanceof Sealed) {
          const sealedValue: Sealed = value;
          return readable.has(sealedValue.category) ? sealedValue.value : withheld;
        }
        if (value instanceof Open) return (value as Open).value;
        if (value === null || value === undefined) return value;
        violations.push({ type, field, reason: 'unsealed value' });
        return SKIP;
      };
    }
    case 'meta':
    case 'content': {
      const category = rule.kind === 'content' ? rule.category : null;
      const nested = rule.nested ? lazy(rule.nested) : null;
      return (value, readable, violations) => {
        if (category !== null && !readable.has(category)) return SKIP;
        if (value instanceof Sealed) {
          violations.push({ type, field, reason: 'sealed value outside a sealed field' });
          return SKIP;
        }
        return nested ? nested(value, readable, violations) : value;
      };
    }
  }
}
