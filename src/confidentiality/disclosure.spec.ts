import { EVERYTHING, NOTHING, type ContentCategory } from './content-category';
import { DataCategory } from './data-category';
import {
  containsSealed,
  Content,
  disclose,
  Meta,
  sealed,
  SealedContent,
  SealedItems,
  type DisclosureViolation,
} from './disclosure';

class ChildDto {
  @Meta()
  id: string;
  @Content(DataCategory.Health)
  diagnosis?: string;
}

class ParentDto {
  @Meta()
  id: string;
  @Content(DataCategory.Participation)
  reached?: boolean;
  @Content('internal')
  note?: string;
  @SealedContent()
  reason?: string | null;
  @SealedContent({ withheldAsNull: true })
  cause: string | null;
  @Meta(() => ChildDto)
  children: ChildDto[];
}

const readable = (...categories: ContentCategory[]) => new Set<ContentCategory>(categories);

const sample = () => ({
  id: 'p1',
  reached: true,
  note: 'intern',
  reason: sealed(DataCategory.Participation, 'client_declined'),
  cause: sealed(DataCategory.Health, 'hospital_stay'),
  children: [{ id: 'c1', diagnosis: 'x' }],
});

describe('disclose', () => {
  it('keeps meta and drops every category not readable', () => {
    expect(disclose(ParentDto, sample(), NOTHING)).toEqual({
      id: 'p1',
      cause: null,
      children: [{ id: 'c1' }],
    });
  });

  it('shows exactly the readable categories, sealed values unsealed', () => {
    expect(disclose(ParentDto, sample(), readable(DataCategory.Participation))).toEqual({
      id: 'p1',
      reached: true,
      reason: 'client_declined',
      cause: null,
      children: [{ id: 'c1' }],
    });
    expect(disclose(ParentDto, sample(), readable(DataCategory.Health))).toEqual({
      id: 'p1',
      cause: 'hospital_stay',
      children: [{ id: 'c1', diagnosis: 'x' }],
    });
  });

  it('shows internal content only to the author (everything)', () => {
    expect(
      disclose(ParentDto, sample(), readable(...Object.values(DataCategory))),
    ).not.toHaveProperty('note');
    expect(disclose(ParentDto, sample(), EVERYTHING)).toHaveProperty('note', 'intern');
  });

  it('fails closed on an untagged field, an unsealed value in a sealed field, a stray sealed value', () => {
    const violations: DisclosureViolation[] = [];
    const body = disclose(
      ParentDto,
      {
        ...sample(),
        secret: 'untagged',
        reason: 'plain',
        reached: sealed(DataCategory.Goals, true),
      },
      EVERYTHING,
      violations,
    );
    expect(body).not.toHaveProperty('secret');
    expect(body).not.toHaveProperty('reason');
    expect(body).not.toHaveProperty('reached');
    expect(violations.map((v) => `${v.field}: ${v.reason}`).sort()).toEqual([
      'reached: sealed value outside a sealed field',
      'reason: unsealed value',
      'secret: untagged field',
    ]);
  });

  it('refuses a type without rules', () => {
    class Untagged {
      id: string;
    }
    const violations: DisclosureViolation[] = [];
    expect(disclose(Untagged, { id: 'x' }, EVERYTHING, violations)).toEqual({});
    expect(violations).toEqual([{ type: 'Untagged', field: '*', reason: 'no rules' }]);
  });

  it('walks arrays and keeps dates and nulls as they are', () => {
    const at = new Date('2026-11-21T10:00:00Z');
    expect(disclose(ChildDto, [{ id: 'a' }, { id: 'b', diagnosis: 'd' }], NOTHING)).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
    class Dated {
      @Meta()
      at: Date;
      @SealedContent()
      maybe: string | null;
    }
    expect(disclose(Dated, { at, maybe: null }, NOTHING)).toEqual({ at, maybe: null });
  });

  it('a subclass inherits its parent rules without changing them', () => {
    class Extended extends ChildDto {
      @Content(DataCategory.Debts)
      debts?: number;
    }
    expect(
      disclose(Extended, { id: 'e', diagnosis: 'd', debts: 3 }, readable(DataCategory.Debts)),
    ).toEqual({
      id: 'e',
      debts: 3,
    });
    const violations: DisclosureViolation[] = [];
    disclose(ChildDto, { id: 'c', debts: 3 }, EVERYTHING, violations);
    expect(violations).toEqual([{ type: 'ChildDto', field: 'debts', reason: 'untagged field' }]);
  });

  it('finds sealed values anywhere', () => {
    expect(containsSealed({ a: [{ b: sealed(DataCategory.Family, 1) }] })).toBe(true);
    expect(containsSealed({ a: [{ b: 1 }], c: new Date() })).toBe(false);
    expect(containsSealed({ a: sealed(null, 'open') })).toBe(true);
  });

  it('shows a sealed field marked open to everyone, and still withholds a plain value', () => {
    class History {
      @SealedContent({ withheldAsNull: true })
      reason: string | null;
    }
    const violations: DisclosureViolation[] = [];
    expect(
      disclose(History, { reason: sealed(null, 'not_suitable') }, NOTHING, violations),
    ).toEqual({ reason: 'not_suitable' });
    expect(violations).toEqual([]);
    expect(disclose(History, { reason: 'forgot_to_seal' }, EVERYTHING, violations)).toEqual({});
    expect(violations).toEqual([{ type: 'History', field: 'reason', reason: 'unsealed value' }]);
  });

  it('removes unreadable items of a sealed list without a trace, and refuses unsealed items', () => {
    class Section {
      @Meta()
      text: string;
    }
    class Report {
      @SealedItems(() => Section)
      sections: unknown[];
    }
    const report = {
      sections: [
        sealed(DataCategory.Debts, { text: 'Schulden' }),
        sealed(DataCategory.Health, { text: 'Gesundheit' }),
        sealed(DataCategory.Debts, { text: 'Raten', hidden: 1 }),
      ],
    };
    const violations: DisclosureViolation[] = [];
    expect(disclose(Report, report, readable(DataCategory.Debts), violations)).toEqual({
      sections: [{ text: 'Schulden' }, { text: 'Raten' }],
    });
    expect(violations).toEqual([{ type: 'Section', field: 'hidden', reason: 'untagged field' }]);
    expect(disclose(Report, report, NOTHING)).toEqual({ sections: [] });
    const plain: DisclosureViolation[] = [];
    expect(disclose(Report, { sections: [{ text: 'x' }] }, EVERYTHING, plain)).toEqual({
      sections: [],
    });
    expect(plain.map((v) => v.reason)).toEqual(['unsealed value']);
  });
});
