import { accessSync, constants, mkdirSync } from 'node:fs';

/** Raised when PGLITE_DATA_DIR cannot be created or written; its message is one line. */
export class DataDirUnusable extends Error {
  constructor(dir: string, cause: unknown) {
    const reason = (cause as { code?: string }).code ?? String(cause);
    super(`PGLITE_DATA_DIR ${dir} cannot be used (${reason}): it must be a writable directory`);
    this.name = 'DataDirUnusable';
  }
}

/**
 * Creates the data directory with its parents (PGlite creates only the last level, so
 * `.data/pglite` on a fresh clone failed) and checks that it is writable.
 */
export function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new DataDirUnusable(dir, error);
  }
}
