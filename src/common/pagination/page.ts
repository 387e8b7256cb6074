import { Type as ClassType } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CURSOR_MAX_LENGTH, PAGE_MAX_ITEMS } from '../validation/bounds';

/** One page of a list: its items and the cursor of the next page (null on the last one). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const pageClasses = new Map<ClassType<unknown>, ClassType<Page<unknown>>>();

/**
 * The OpenAPI schema of `Page<Item>` as a named class (`ItemDto` → `ItemPage`), for
 * `@ApiOkResponse({ type: PageOf(ItemDto) })`. One class per item type, so that the document
 * holds each page schema once.
 */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  const known = pageClasses.get(item);
  if (known) return known as ClassType<Page<T>>;

  class PageDto implements Page<T> {
    @ApiProperty({ type: item, isArray: true, maxItems: PAGE_MAX_ITEMS })
    items: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      maxLength: CURSOR_MAX_LENGTH,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'Pass as `cursor` to get the next page; null on the last page.',
    })
    nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  pageClasses.set(item, PageDto);
  return PageDto;
}
