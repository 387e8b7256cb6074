import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Grouped = Record<string, ValidationMetadata[]>;

const CACHED = Symbol('lotse:cached-validation-metadatas');

/**
 * Remembers class-validator's answer to "which rules apply to this class" (per class and
 * options). The library works it out anew on every validation: it filters the class's rules and
 * tests the class against every class that has rules (`instanceof`), for inherited ones; on a
 * list page that was more than a third of the validation of its query. The answer depends only
 * on the rules registered, which the decorators register as the classes load: any rule added
 * afterwards (`addValidationMetadata`, `addValidationSchema`, `addConstraintMetadata`) clears
 * what was remembered. The validation itself, and its errors, are the library's, unchanged
 * (`test/common/validation-metadata-cache.spec.ts` compares them over every DTO with rules).
 * The executor only reads the arrays it gets; they are frozen so that nothing could change a
 * remembered answer.
 */
export function cacheValidationMetadatas(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  let answers = new Map<unknown, Map<string, readonly ValidationMetadata[]>>();
  let groups = new WeakMap<readonly ValidationMetadata[], Grouped>();
  const forget = (): void => {
    answers = new Map();
    groups = new WeakMap();
  };
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addRule(metadata);
  };
  const addSchema = storage.addValidationSchema.bind(storage);
  storage.addValidationSchema = (schema) => {
    forget();
    addSchema(schema);
  };
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groupNames) => {
    const options = JSON.stringify([schema, always, strictGroups, groupNames]);
    let byOptions = answers.get(target);
    if (!byOptions)
      answers.set(target, (byOptions = new Map<string, readonly ValidationMetadata[]>()));
    let answer = byOptions.get(options);
    if (!answer) {
      answer = Object.freeze(lookup(target, schema, always, strictGroups, groupNames));
      byOptions.set(options, answer);
    }
    return answer as ValidationMetadata[];
  };
  storage.groupByPropertyName = (metadatas) => {
    const remembered = groups.get(metadatas);
    if (remembered) return remembered;
    const grouped = group(metadatas);
    if (Object.isFrozen(metadatas)) {
      for (const list of Object.values(grouped)) Object.freeze(list);
      groups.set(metadatas, Object.freeze(grouped));
    }
    return grouped;
  };
}
