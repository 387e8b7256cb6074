import { randomUUID } from 'node:crypto';

/** A name no other test (or earlier run against the same database) has used. */
export function uniqueName(base: string): string {
  return `${base} ${randomUUID().slice(0, 8)}`;
}
