/**
 * A municipality (Gemeinde), as a service area and a client without a fixed address name it;
 * stored trimmed as written and compared without regard to case. Postcodes do not fit people
 * without a fixed address (they have none of residence), so providers also state the
 * municipalities they serve.
 */
export const MUNICIPALITY_MAX_LENGTH = 100;

/** A place name: no leading or trailing space, no control characters. */
export const MUNICIPALITY = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;

/**
 * The SQL condition "the varchar[] `list` holds the municipality `name`" (both SQL expressions),
 * without regard to case.
 */
export function municipalityIn(list: string, name: string): string {
  return `EXISTS (SELECT 1 FROM unnest(${list}) AS m(name) WHERE lower(m.name) = lower(${name}))`;
}
