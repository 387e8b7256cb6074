/**
 * What the compiler refuses on the disclosure path (docs/architecture/0015): each
 * `@ts-expect-error` marks a line that must not compile, every other line must.
 * `compile-time.spec.ts` type-checks this file; an expected error that no longer occurs fails
 * it (TS2578). Never run, only compiled.
 */
import { EVERYTHING } from '../../src/confidentiality/content-category';
import { DataCategory } from '../../src/confidentiality/data-category';
import { Disclosed, Discloses } from '../../src/confidentiality/disclosed';
import { Meta, sealed, SealedItems } from '../../src/confidentiality/disclosure';

export class NoteDto {
  @Meta()
  id: string;
  @Meta()
  text: string;
}

export class CaseDto {
  @Meta()
  id: string;
  @SealedItems(() => NoteDto)
  notes: NoteDto[];
}

export class CasePageDto {
  @Meta(() => CaseDto)
  items: CaseDto[];
  @Meta()
  nextCursor: string | null;
}

/** A DTO with every field of CaseDto and one more: alike, but not the same type. */
export class WiderCaseDto extends CaseDto {
  @Meta()
  extra: string;
}

const note = { id: 'n', text: 'Schulden' };
const undisclosedCase = { id: 'c', notes: [sealed(DataCategory.Debts, note)] };

export class Routes {
  @Discloses(CaseDto)
  caseAsItShouldBe(): Promise<Disclosed<CaseDto>> {
    return Promise.resolve(new Disclosed(undisclosedCase, EVERYTHING));
  }

  @Discloses(CasePageDto)
  pageOfSealedItems(): Disclosed<CasePageDto> {
    return new Disclosed({ items: [undisclosedCase], nextCursor: null }, EVERYTHING);
  }

  // @ts-expect-error -- the route declares one DTO and answers another
  @Discloses(CaseDto)
  anotherType(): Disclosed<CasePageDto> {
    return new Disclosed({ items: [], nextCursor: null }, EVERYTHING);
  }

  // @ts-expect-error -- a wider DTO is still another DTO: its extra field has no rule here
  @Discloses(CaseDto)
  widerType(): Disclosed<WiderCaseDto> {
    return new Disclosed({ ...undisclosedCase, extra: 'x' }, EVERYTHING);
  }

  // @ts-expect-error -- a route that discloses answers Disclosed<T>, never a raw body
  @Discloses(CaseDto)
  rawBody(): CaseDto {
    return { id: 'c', notes: [] };
  }

  @Discloses(CaseDto)
  bodyOfAnotherShape(): Disclosed<CaseDto> {
    // @ts-expect-error -- the body must have the DTO's shape (here `notes` is missing)
    return new Disclosed({ id: 'c' }, EVERYTHING);
  }
}
