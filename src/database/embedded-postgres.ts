import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { batchProtocolMessages } from './pglite-batching';

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

/** An in-process PostgreSQL (PGlite, PG 18 in WASM) reachable over a loopback socket. */
export interface EmbeddedPostgres {
  url: string;
  maxConnections: number;
  stop(): Promise<void>;
}

/**
 * Starts PGlite behind pglite-socket, so that TypeORM talks to it through its ordinary `pg`
 * driver. Queries from all connections are serialised on one session (docs/stack.md §4.2): the
 * pool of whoever connects must not exceed `maxConnections`.
 */
export async function startEmbeddedPostgres(
  opts: { dataDir?: string; maxConnections?: number } = {},
): Promise<EmbeddedPostgres> {
  const maxConnections = opts.maxConnections ?? 10;
  if (opts.dataDir) prepareDataDir(opts.dataDir);
  const db = await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  batchProtocolMessages(server);
  await server.start();
  return {
    url: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    maxConnections,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
