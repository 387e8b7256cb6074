// The ESM build's type: embedded-postgres.ts loads pglite-socket with import().
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket' with {
  'resolution-mode': 'import',
};

type OnData = (data: Uint8Array) => void;
interface QueryQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
}

// Frontend messages after which the client waits for the server: the end of an
// extended-protocol batch (Sync, Flush), a simple query, COPY data/end/failure, terminate.
const BATCH_END = new Set(['S', 'H', 'Q', 'd', 'c', 'f', 'X'].map((c) => c.charCodeAt(0)));
const STARTUP_PROTOCOL = 196608;
const SSL_OR_CANCEL = new Set([80877103, 80877102]);

function endsBatch(message: Uint8Array): boolean {
  if (message.length >= 8) {
    const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
    const code = view.getInt32(4);
    if (
      view.getInt32(0) === message.length &&
      (code === STARTUP_PROTOCOL || SSL_OR_CANCEL.has(code))
    )
      return true;
  }
  return BATCH_END.has(message[0]);
}

/**
 * pglite-socket 0.2.17 queues each protocol message on its own, so under concurrency the
 * Parse/Bind/Execute of one connection interleave with another's on PGlite's single session:
 * queries fail ("portal does not exist") or, worse, answer with another connection's rows.
 * This holds a connection's messages back until the end of its batch and queues the batch as
 * one unit, so that batches, never single messages, interleave. Pinned to 0.2.17's internals;
 * `test/database/embedded-concurrency.spec.ts` fails if a new version breaks it. This file is
 * the PGlite seam, one of the two places allowed past a library's types (the other is
 * `typeorm-seam.ts`; docs/architecture/0014-typed-disclosure-and-audit-catalogue.md).
 */
export function batchProtocolMessages(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (typeof queue?.enqueue !== 'function' || typeof queue.clearQueueForHandler !== 'function') {
    throw new Error('pglite-socket internals changed: review src/database/pglite-batching.ts');
  }
  const pending = new Map<number, Uint8Array[]>();
  const enqueue = queue.enqueue.bind(queue);
  const clear = queue.clearQueueForHandler.bind(queue);

  queue.enqueue = (handlerId, message, onData) => {
    const held = pending.get(handlerId) ?? [];
    held.push(message);
    if (!endsBatch(message)) {
      pending.set(handlerId, held);
      return Promise.resolve(0);
    }
    pending.delete(handlerId);
    return enqueue(handlerId, held.length === 1 ? held[0] : Buffer.concat(held), onData);
  };
  queue.clearQueueForHandler = (handlerId) => {
    pending.delete(handlerId);
    clear(handlerId);
  };
}
