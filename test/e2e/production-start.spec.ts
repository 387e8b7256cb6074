import { AsyncLocalStorage } from 'node:async_hooks';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  forThisNode,
  nodeAccepts,
  otherNodeThanImage,
  readImageStart,
} from '../../bench/image-start';

// The memory settings of the app's process (docs/architecture/0024-one-round-trip-reads.md, "Memory") hold only
// if every way of starting it applies them: the image's CMD, `npm start`, `npm run start:prod`
// and the benchmark, which measures what the image runs.

const ROOT = join(__dirname, '../..');
const ENTRY = 'dist/src/main.js';

const image = readImageStart(ROOT);
const imageFlags = image.args.slice(0, image.args.indexOf(ENTRY));
const ASYNC_CONTEXT_FRAME = '--experimental-async-context-frame';
const memoryFlags = imageFlags.filter((f) => f !== ASYNC_CONTEXT_FRAME);
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('the production start of the app', () => {
  it('the image runs the entry point with heap limits for the old and the young generation', () => {
    expect(image.args.at(-1)).toBe(ENTRY);
    expect(memoryFlags.map((f) => f.split('=')[0]).sort()).toEqual([
      '--max-old-space-size',
      '--max-semi-space-size',
    ]);
  });

  // Node 22 keeps AsyncLocalStorage on promise hooks unless this flag is given; Node 24 makes
  // the frame its default and refuses the flag (ADR 0024, "The request's context without
  // promise hooks"). Moving the image to another major version fails here until the flag goes.
  it("the image's Node 22 keeps the request's context in async context frames", () => {
    expect(image.nodeMajor).toBe(22);
    expect(imageFlags.filter((f) => !memoryFlags.includes(f))).toEqual([ASYNC_CONTEXT_FRAME]);
  });

  it("CI runs the PostgreSQL suite in the image's async context mode, the PGlite suite in the other", () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(
      new RegExp(
        `^run_suite postgresql "NODE_OPTIONS=${ASYNC_CONTEXT_FRAME}" "TEST_DATABASE_URL=`,
        'm',
      ),
    );
    expect(ci).toMatch(/^run_suite pglite \|\|/m);
  });

  // Proves that NODE_OPTIONS reaches the jest worker that runs the apps, so the suite that CI runs
  // with the flag really runs on frames. An AsyncLocalStorage on promise hooks has an own
  // `enabled` field (Node 20 and 22); one on frames has none.
  it('a suite run with the flag in NODE_OPTIONS keeps its AsyncLocalStorage in frames', () => {
    const hooks = Object.getOwnPropertyNames(new AsyncLocalStorage()).includes('enabled');
    const framesAsked = (process.env.NODE_OPTIONS ?? '').split(/\s+/).includes(ASYNC_CONTEXT_FRAME);
    const framesByDefault = Number(process.versions.node.split('.')[0]) >= 24;
    expect(hooks).toBe(!framesAsked && !framesByDefault);
  });

  // npm start and start:prod run on whatever Node the developer has (package.json's engines:
  // 22.12 or later), so they carry the memory flags only.
  it('npm start and npm run start:prod pass the same memory flags as the image', () => {
    const start = /^nest start --exec "node ([^"]*)"$/.exec(scripts.start);
    const startProd = /^node (.*) dist\/src\/main(?:\.js)?$/.exec(scripts['start:prod']);
    expect(start?.[1].split(' ')).toEqual(memoryFlags);
    expect(startProd?.[1].split(' ')).toEqual(memoryFlags);
  });

  it('the benchmark leaves out an image flag that its Node does not know, and says so', () => {
    const node22 = () => true;
    const node24 = (flag: string) => flag !== ASYNC_CONTEXT_FRAME;
    expect(forThisNode(image, node22).args).toEqual(image.args);
    expect(forThisNode(image, node22).dropped).toBeUndefined();
    expect(nodeAccepts(memoryFlags[0])).toBe(true);
    expect(nodeAccepts('--no-such-flag-of-lotse')).toBe(false);
    const without = forThisNode(image, node24);
    expect(without.args).toEqual([...memoryFlags, ENTRY]);
    expect(without.dropped).toEqual([ASYNC_CONTEXT_FRAME]);
    expect(otherNodeThanImage(without, '24.1.0')).toContain(
      `It leaves out ${ASYNC_CONTEXT_FRAME}.`,
    );
    // Left out on the image's own major version too (a flag newer than that Node): still said.
    expect(otherNodeThanImage(without, `${image.nodeMajor}.1.0`)).toContain(
      `It leaves out ${ASYNC_CONTEXT_FRAME}.`,
    );
  });

  it("the benchmark starts Lotse with the image's CMD, not an entry point of its own", () => {
    const run = readFileSync(join(ROOT, 'bench/run.ts'), 'utf8');
    expect(run).toContain("start('lotse', image.args,");
    expect(run).not.toContain(ENTRY);
  });

  it("reads the Node version of the image's runtime stage, which the benchmark compares with its own", () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const runtimeFrom = /^FROM node:(\d+)\S* AS runtime$/m.exec(dockerfile);
    expect(runtimeFrom).not.toBeNull();
    expect(image.nodeMajor).toBe(Number(runtimeFrom![1]));
    for (const runner of ['bench/run.ts', 'bench/instructions.ts']) {
      expect(readFileSync(join(ROOT, runner), 'utf8')).toMatch(
        /otherNodeThanImage\(.*, process\.versions\.node\)/,
      );
    }
    expect(otherNodeThanImage(image, `${image.nodeMajor}.1.0`)).toBeUndefined();
    expect(otherNodeThanImage(image, `${image.nodeMajor! - 2}.20.2`)).toContain(
      `the image runs Node ${image.nodeMajor}`,
    );
  });

  it('CI, and a benchmark after `source .ci/node22.sh`, run the Node major version the image runs', () => {
    const script = readFileSync(join(ROOT, '.ci/node22.sh'), 'utf8');
    const ci = /^LOTSE_NODE_VERSION=(\d+)\.\d+\.\d+$/m.exec(script);
    expect(ci).not.toBeNull();
    expect(Number(ci![1])).toBe(image.nodeMajor);
  });

  it('main.ts sizes the thread pool before it imports anything else', () => {
    const main = readFileSync(join(ROOT, 'src/main.ts'), 'utf8');
    expect(/^import .*$/m.exec(main)?.[0]).toBe("import './thread-pool';");
  });

  const poolThreads = (env: Record<string, string>) => {
    // Threads that the first job on libuv's pool starts, after src/thread-pool.ts has run.
    const child = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-e',
        `require('./src/thread-pool');
         const tasks = () => require('node:fs').readdirSync('/proc/self/task').length;
         const before = tasks();
         require('node:crypto').pbkdf2('p', 's', 1, 32, 'sha256', () => console.log(tasks() - before));`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } },
    );
    expect(child.stderr).toBe('');
    return Number(child.stdout.trim());
  };

  it('libuv runs two threads (two argon2id hashes at a time), unless the operator sets another size', () => {
    expect(poolThreads({})).toBe(2);
    expect(poolThreads({ UV_THREADPOOL_SIZE: '3' })).toBe(3);
  });
});
