import { getMetadataStorage, IsInt, MetadataStorage, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { AppModule } from '../../src/app.module';
import { cacheValidationMetadatas } from '../../src/common/validation/metadata-cache';
import { ListReferralsQueryDto } from '../../src/referrals/dto/list-referrals-query.dto';
import { testConfig } from '../support/test-app';

/*
 * The remembered rule lookup of class-validator (`cacheValidationMetadatas`, installed by
 * `configureApp`) against the library's own lookup: for every class with rules in the
 * application, under every combination of the options the executor passes, the same rules in
 * the same order, grouped the same; a rule added later is seen; and the errors of the list
 * query, the validated query of the list page, are the library's.
 */

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
const original: Lookup = (...args) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.apply(getMetadataStorage(), args);

type Target = Parameters<Lookup>[0];

function classesWithRules(): Target[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Target, unknown> };
  return [...storage.validationMetadatas.keys()];
}

describe('the remembered validation rules', () => {
  beforeAll(() => {
    AppModule.register(testConfig()); // loads every module, so every DTO class registers its rules
    cacheValidationMetadatas();
  });

  it('are the library’s, for every class with rules and every option', () => {
    const classes = classesWithRules();
    expect(classes.length).toBeGreaterThan(20);
    const options: [boolean, boolean, string[] | undefined][] = [
      [false, false, undefined],
      [true, false, undefined],
      [false, true, undefined],
      [false, false, ['a']],
      [false, true, []],
    ];
    const storage = getMetadataStorage();
    for (const target of classes) {
      for (const [always, strict, groups] of options) {
        const expected = original(target, '', always, strict, groups);
        const cached = storage.getTargetValidationMetadatas(target, '', always, strict, groups);
        expect([...cached]).toEqual(expected);
        // Asked again: the same answer, grouped as the library groups it.
        expect(storage.getTargetValidationMetadatas(target, '', always, strict, groups)).toBe(
          cached,
        );
        expect(storage.groupByPropertyName(cached)).toEqual(
          MetadataStorage.prototype.groupByPropertyName.call(storage, expected),
        );
      }
    }
  });

  it('sees a rule added after a lookup', () => {
    class Late {
      count: number;
    }
    const storage = getMetadataStorage();
    expect(storage.getTargetValidationMetadatas(Late, '', false, false)).toEqual([]);
    IsInt()(Late.prototype, 'count');
    expect(storage.getTargetValidationMetadatas(Late, '', false, false)).toHaveLength(1);
  });

  it.each([
    [{}],
    [{ limit: '50', state: 'in_progress' }],
    [{ limit: '0', state: 'nope', extra: '1' }],
    [{ limit: 'abc', cursor: 'a b', overdue: 'yes', updatedSince: 'yesterday' }],
    [{ providerId: 'x', caseManagerId: '', clientId: ['a', 'b'], state: ['draft', 'sent'] }],
  ])('gives the list query the library’s errors: %j', async (query) => {
    const options = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
    const dto = () => plainToInstance(ListReferralsQueryDto, query);
    const cached = await validate(dto(), options);
    const storage = getMetadataStorage();
    const remembered = {
      getTargetValidationMetadatas: storage.getTargetValidationMetadatas.bind(storage),
      groupByPropertyName: storage.groupByPropertyName.bind(storage),
    };
    storage.getTargetValidationMetadatas = original;
    storage.groupByPropertyName = (metadatas) =>
      MetadataStorage.prototype.groupByPropertyName.call(storage, metadatas);
    try {
      expect(cached).toEqual(await validate(dto(), options));
    } finally {
      Object.assign(storage, remembered);
    }
  });
});
