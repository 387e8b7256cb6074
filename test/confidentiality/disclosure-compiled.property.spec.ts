import type { Type } from '@nestjs/common';
import fc from 'fast-check';
import { AppModule } from '../../src/app.module';
import { testConfig } from '../support/test-app';
import { DataCategory } from '../../src/confidentiality/data-category';
import type { ContentCategory } from '../../src/confidentiality/content-category';
import { DISCLOSES } from '../../src/confidentiality/disclosed';
import {
  Content,
  disclose,
  Meta,
  Open,
  rulesOf,
  Sealed,
  SealedContent,
  SealedItems,
  type DisclosureViolation,
} from '../../src/confidentiality/disclosure';
import { discloseCompiled } from '../../src/confidentiality/disclosure-compiled';

/*
 * The compiled disclosure step (`discloseCompiled`) against the interpreted rules (`disclose`,
 * what the disclosure step ran before): for random bodies and readers over every `@Discloses` type
 * of the application and the types nested in it, the same body (deep equal and the same JSON
 * text) and the same violations in the same order. Bodies mix tagged and untagged fields, sealed, open and plain
 * values in every kind of field, lists, dates and nulls. Replay with FC_SEED / FC_PATH, more
 * cases with FC_NUM_RUNS=<n>.
 */

/** Every handler's `@Discloses` type, found through the controllers of every module of the app. */
function disclosedTypes(): Type<unknown>[] {
  const found = new Set<Type<unknown>>();
  const seen = new Set<unknown>();
  const visit = (module: unknown): void => {
    if (!module || seen.has(module)) return;
    seen.add(module);
    const target = (module as { module?: unknown }).module ?? module;
    const controllers = (Reflect.getMetadata('controllers', target) ?? []) as Type[];
    for (const controller of controllers) {
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function') continue;
        const type = Reflect.getMetadata(DISCLOSES, handler) as Type<unknown> | undefined;
        if (type) found.add(type);
      }
    }
    const imports = (Reflect.getMetadata('imports', target) ?? []) as unknown[];
    const dynamic = (module as { imports?: unknown[] }).imports ?? [];
    [...imports, ...dynamic].forEach(visit);
  };
  visit(AppModule.register(testConfig()));
  return [...found];
}

/** The types and every type nested in their rules. */
function withNested(types: Type<unknown>[]): Type<unknown>[] {
  const all = new Set<Type<unknown>>();
  const visit = (type: Type<unknown>): void => {
    if (all.has(type)) return;
    all.add(type);
    for (const rule of rulesOf(type)?.values() ?? []) {
      if ('nested' in rule && rule.nested) visit(rule.nested());
    }
  };
  types.forEach(visit);
  return [...all];
}

// Types the application does not have (yet): a list of sealed items, a self-nesting type, a
// subclass with rules of its own, and one without any rules.
class Section {
  @Meta()
  heading: string;
  @Content(DataCategory.Health)
  text?: string;
}
class Tree {
  @Meta()
  id: string;
  @Meta(() => Tree)
  children: Tree[];
  @SealedItems(() => Section)
  sections: Section[];
  @SealedContent({ withheldAsNull: true })
  cause: string | null;
  @SealedContent()
  reason?: string;
}
class Leaf extends Tree {
  @Content('internal', () => Section)
  note?: Section;
}
class Untagged {
  id: string;
}

const CATEGORIES: ContentCategory[] = [...Object.values(DataCategory), 'internal'];

const category = fc.constantFrom(...CATEGORIES);
const readable = fc.subarray(CATEGORIES).map((c) => new Set<ContentCategory>(c));

function bodyFor(type: Type<unknown>, depth: number): fc.Arbitrary<unknown> {
  const fields = [...(rulesOf(type)?.keys() ?? []), 'untagged', 'password'];
  const plain = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
  );
  const nested: fc.Arbitrary<unknown>[] = [];
  if (depth > 0) {
    for (const rule of rulesOf(type)?.values() ?? []) {
      if ('nested' in rule && rule.nested) {
        const inner = bodyFor(rule.nested(), depth - 1);
        nested.push(inner, fc.array(inner, { maxLength: 3 }));
      }
    }
    nested.push(fc.dictionary(fc.string({ maxLength: 3 }), plain, { maxKeys: 3 }));
  }
  const value: fc.Arbitrary<unknown> = fc.oneof(plain, ...nested);
  const maybeSealed = fc.oneof(
    { weight: 3, arbitrary: value },
    { weight: 2, arbitrary: fc.tuple(category, value).map(([c, v]) => new Sealed(c, v)) },
    { weight: 1, arbitrary: value.map((v) => new Open(v)) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.oneof(
          fc.tuple(category, value).map(([c, v]) => new Sealed(c, v)),
          value,
        ),
        { maxLength: 3 },
      ),
    },
  );
  const record = fc
    .subarray(fields)
    .chain((keys) => fc.tuple(...keys.map((key) => maybeSealed.map((v) => [key, v] as const))))
    .map((entries) => Object.fromEntries(entries) as unknown);
  // A body whose prototype has enumerable fields of its own (tagged and not): only the body's
  // own fields count, in the walk without `Object.entries` as with it.
  const inheriting = fc
    .tuple(record, fc.subarray(fields))
    .map(([own, inherited]) =>
      Object.assign(Object.create(Object.fromEntries(inherited.map((k) => [k, 'inherited']))), own),
    );
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 1, arbitrary: inheriting },
    { weight: 1, arbitrary: fc.array(record, { maxLength: 3 }) },
    { weight: 1, arbitrary: plain },
  );
}

const TYPES = withNested([...disclosedTypes(), Tree, Leaf, Untagged]);

describe('the compiled disclosure step', () => {
  it('finds the application’s disclosed types', () => {
    const names = TYPES.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['ReferralDto', 'ReferralPageDto', 'ReferralTransitionPageDto']),
    );
    expect(TYPES.length).toBeGreaterThan(8);
  });

  it.each(TYPES.map((type) => [type.name, type] as const))(
    'discloses %s exactly as disclose does, with the same violations',
    (_name, type) => {
      fc.assert(
        fc.property(bodyFor(type, 2), readable, (body, reader) => {
          const interpreted: DisclosureViolation[] = [];
          const compiled: DisclosureViolation[] = [];
          const expected = disclose(type, body, reader, interpreted);
          const actual = discloseCompiled(type, body, reader, compiled);
          expect(actual).toStrictEqual(expected);
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
          expect(compiled).toEqual(interpreted);
        }),
        { numRuns: Number(process.env.FC_NUM_RUNS ?? 300) },
      );
    },
  );

  it('keeps nothing of a field without a rule', () => {
    const violations: DisclosureViolation[] = [];
    expect(
      discloseCompiled(Tree, { id: 't', secret: 's' }, new Set(CATEGORIES), violations),
    ).toStrictEqual({ id: 't' });
    expect(violations).toEqual([{ type: 'Tree', field: 'secret', reason: 'untagged field' }]);
  });
});
