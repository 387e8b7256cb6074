/**
 * libuv's thread pool size, set before anything queues work on it: main.ts imports this file
 * first, and libuv reads UV_THREADPOOL_SIZE once, when the first job is queued. The pool
 * computes the argon2id hashes (@node-rs/argon2), each holding 19 MiB while it runs, and the
 * file system's and name lookups' work. How many hashes run at once is PASSWORD_HASHES_AT_ONCE
 * (one by default, src/identity/password/hash-gate.ts), so a second thread stays free for the
 * rest while a hash runs; libuv's default of four threads would only cost stacks
 * (docs/architecture/0024-one-round-trip-reads.md, "Memory"). An operator's own
 * UV_THREADPOOL_SIZE wins; it caps PASSWORD_HASHES_AT_ONCE as well.
 */
export const DEFAULT_THREAD_POOL_SIZE = 2;

process.env.UV_THREADPOOL_SIZE ??= String(DEFAULT_THREAD_POOL_SIZE);
