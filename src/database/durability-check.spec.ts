import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DurabilityCheck, durabilityProblems, UndurableDatabaseError } from './durability-check';

const durable = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' };

const DEBIAN = 'PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu';
const PGLITE = 'PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten';

function checkOn(settings: Record<string, string>, version: string): DurabilityCheck {
  const rows = Object.entries(settings).map(([name, setting]) => ({ name, setting, version }));
  // Never initialised, so never connected: the check's one query answers from the table above.
  const dataSource = new DataSource({ type: 'postgres' });
  jest.spyOn(dataSource, 'query').mockResolvedValue(rows);
  return new DurabilityCheck(dataSource);
}

describe('the durability settings checked at start (docs/security.md item 35)', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('names every setting that can lose an acknowledged write', () => {
    expect(durabilityProblems(durable)).toEqual([]);
    expect(durabilityProblems({ ...durable, synchronous_commit: 'local' })).toEqual([]);
    expect(durabilityProblems({ ...durable, synchronous_commit: 'remote_apply' })).toEqual([]);
    expect(
      durabilityProblems({ fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ).toEqual(['fsync=off', 'full_page_writes=off', 'synchronous_commit=off']);
    // A setting the server did not report is not assumed to be on.
    expect(durabilityProblems({ fsync: 'on' })).toEqual([
      'full_page_writes=unknown',
      'synchronous_commit=unknown',
    ]);
  });

  it('refuses to start on a server that is not crash-safe, naming the setting', async () => {
    const check = checkOn({ ...durable, fsync: 'off' }, DEBIAN);
    await expect(check.onModuleInit()).rejects.toThrow(UndurableDatabaseError);
    await expect(check.onModuleInit()).rejects.toThrow(/fsync=off/);
    await expect(checkOn(durable, DEBIAN).onModuleInit()).resolves.toBeUndefined();
  });

  it('lets the embedded PGlite (fsync off by design) start, with a warning', async () => {
    await expect(checkOn({ ...durable, fsync: 'off' }, PGLITE).onModuleInit()).resolves.toBe(
      undefined,
    );
  });
});
