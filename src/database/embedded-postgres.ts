import { prepareDataDir } from './data-dir';
import { batchProtocolMessages } from './pglite-batching';

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
 *
 * PGlite is imported here, when it is started, and nowhere statically (eslint.config.mjs): an
 * app on a PostgreSQL server never loads it (about 0.9 MB of heap, measured after a collection).
 */
export async function startEmbeddedPostgres(
  opts: { dataDir?: string; maxConnections?: number } = {},
): Promise<EmbeddedPostgres> {
  const maxConnections = opts.maxConnections ?? 10;
  if (opts.dataDir) prepareDataDir(opts.dataDir);
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
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
