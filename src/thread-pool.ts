/**
 * libuv's thread pool size, set before anything queues work on it: main.ts imports this file
 * first, and libuv reads UV_THREADPOOL_SIZE once, when the first job is queued. The pool
 * computes the argon2id hashes (@node-rs/argon2), each holding 19 MiB while it runs: with
 * libuv's default of four threads, 32 concurrent logins hold 76 MiB of hash memory at once;
 * with two, 38 MiB, at the throughput of two cores (docs/architecture/0024-one-round-trip-reads.md, "Memory").
 * An operator's own UV_THREADPOOL_SIZE wins.
 */
export const DEFAULT_THREAD_POOL_SIZE = 2;

process.env.UV_THREADPOOL_SIZE ??= String(DEFAULT_THREAD_POOL_SIZE);
