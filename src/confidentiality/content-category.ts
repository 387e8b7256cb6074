import { DataCategory } from './data-category';

/**
 * What a piece of content is, for the disclosure policy: one of the data categories, which the
 * client's consent can release, or `internal` (provider-internal notes), which is never
 * released to anybody but its author, whatever the consent.
 */
export type ContentCategory = DataCategory | 'internal';

/** The categories a reader may read of one author's content about one client. */
export type Readable = ReadonlySet<ContentCategory>;

/** The author reads all of its own content. */
export const EVERYTHING: Readable = new Set<ContentCategory>([
  ...Object.values(DataCategory),
  'internal',
]);

export const NOTHING: Readable = new Set<ContentCategory>();
