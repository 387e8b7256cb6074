import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * A throwaway PostgreSQL cluster of the reliability suite's own (docs/stack.md §3), on a port of its
 * own, so that kill -9 and immediate stops never touch the machine's shared server. Debian's
 * binaries refuse to run as root, so as root every command runs as `postgres` via runuser.
 */

const asRoot = process.getuid?.() === 0;

/**
 * The server binaries: PG_BIN if set, else `pg_config --bindir` when it holds initdb (a client-
 * only pg_config does not), else the newest Debian /usr/lib/postgresql/<version>/bin.
 */
export function binDir(): string {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('no PostgreSQL server binaries (initdb): apt-get install postgresql');
  return found;
}

/** Where a started cluster is, handed from the global set-up to the test files by env. */
export interface ClusterInfo {
  dir: string;
  port: number;
}

export const CLUSTER_ENV = 'RELIABILITY_PG_CLUSTER';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The first free port from `from` on (55432 unless busy: never 5432). */
export async function freePort(from = 55432): Promise<number> {
  for (let port = from; port < from + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + 49}`);
}

export class PgCluster {
  private readonly bin = binDir();

  constructor(readonly info: ClusterInfo) {}

  get dataDir(): string {
    return join(this.info.dir, 'data');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.info.port}`;
  }

  /** initdb into a fresh folder under /tmp, durable settings on, then start. */
  static create(port: number): PgCluster {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-reliability-pg-'));
    const cluster = new PgCluster({ dir, port });
    try {
      if (asRoot) {
        const { uid, gid } = postgresIds();
        chownSync(dir, uid, gid);
      }
      cluster.run('initdb', [
        '-D',
        cluster.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]);
      cluster.start();
      return cluster;
    } catch (error) {
      cluster.destroy();
      throw error;
    }
  }

  /** Starts (or restarts after a crash: recovery replays the WAL) and waits until it accepts. */
  start(): void {
    const options = [
      `-p ${this.info.port}`,
      `-k ${this.info.dir}`,
      '-c listen_addresses=127.0.0.1',
      // The durability the app promises (docs/security.md item 35); these are the defaults, stated.
      '-c fsync=on',
      '-c synchronous_commit=on',
      '-c full_page_writes=on',
      '-c max_connections=100',
    ].join(' ');
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.info.dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  }

  /**
   * Starts again after a kill -9. Orphaned backends of the killed postmaster keep the shared
   * memory attached for a moment, and the start refuses until they are gone: retry.
   */
  async restart(timeoutMs = 20000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        this.start();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(250);
      }
    }
  }

  /** `pg_ctl status`: a postmaster runs on the data folder. */
  isRunning(): boolean {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, 'status']);
      return true;
    } catch {
      return false;
    }
  }

  /** After a scenario, whatever it left: running again (the next file needs the database). */
  async ensureRunning(): Promise<void> {
    if (!this.isRunning()) await this.restart();
  }

  /** The postmaster's PID: the first line of postmaster.pid. */
  postmasterPid(): number {
    return Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  /** A crash: SIGKILL to the postmaster, no shutdown checkpoint. */
  kill9(): number {
    const pid = this.postmasterPid();
    process.kill(pid, 'SIGKILL');
    return pid;
  }

  /** `pg_ctl stop -m immediate`: every backend quits at once, recovery at the next start. */
  stopImmediate(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  /** Stops it whatever its state (ignoring "not running") and removes its folder. */
  destroy(): void {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running, or never initialised
    }
    rmSync(this.info.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const path = join(this.bin, tool);
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
      : [path, args];
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.info.dir });
  }
}

function postgresIds(): { uid: number; gid: number } {
  const line = (id: string) => Number(execFileSync('id', [id, 'postgres'], { encoding: 'utf8' }));
  return { uid: line('-u'), gid: line('-g') };
}

/** The cluster the global set-up started, in a test file. */
export function clusterOfRun(): PgCluster {
  const raw = process.env[CLUSTER_ENV];
  if (!raw) throw new Error(`${CLUSTER_ENV} is unset: run through npm run test:reliability`);
  return new PgCluster(JSON.parse(raw) as ClusterInfo);
}
