import { Client } from 'pg';
import { AppProcess } from './support/app-process';

/*
 * Item 35 (docs/security.md): the app checks at start that the server keeps acknowledged writes
 * (fsync, synchronous_commit, full_page_writes) and refuses to start on one that does not.
 * synchronous_commit is the one a connection can turn off for itself, so the refusal is shown
 * with it; the suite's cluster itself runs with all three on.
 */
describe('item 35: durability settings checked at start', () => {
  it('runs against a cluster with fsync, synchronous_commit and full_page_writes on', async () => {
    const db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings
         WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name`,
      );
      expect(rows).toEqual([
        { name: 'fsync', setting: 'on' },
        { name: 'full_page_writes', setting: 'on' },
        { name: 'synchronous_commit', setting: 'on' },
      ]);
    } finally {
      await db.end();
    }
  });

  it('refuses to start when its connections have synchronous_commit off, and says why', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', '-c synchronous_commit=off');
    const app = await AppProcess.spawn({ DATABASE_URL: url.toString() });
    try {
      const code = await app.exited();
      expect(code).not.toBeNull();
      expect(code).not.toBe(0);
      expect(app.log()).toMatch(/Refusing to start: .*synchronous_commit=off/);
      expect(app.log()).not.toMatch(/Lotse is listening/);
    } finally {
      await app.stop();
    }
  });
});
