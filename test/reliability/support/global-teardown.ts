/** Stops and removes the suite's cluster, whether the tests passed or not. */
export default function globalTeardown(): void {
  globalThis.__RELIABILITY_PG__?.destroy();
  globalThis.__RELIABILITY_PG__ = undefined;
}
