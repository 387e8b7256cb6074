import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How the image starts the app: the runtime stage's CMD (after `node`) and its ENV. */
export interface ImageStart {
  /** Node's arguments: the runtime flags, then the entry point (`dist/src/main.js`). */
  args: string[];
  env: Record<string, string>;
  /** The major version of the runtime stage's `FROM node:<major>…` image, if it names one. */
  nodeMajor?: number;
  /** The CMD's flags that `forThisNode` left out: the Node running the benchmark lacks them. */
  dropped?: string[];
}

/**
 * Reads the Dockerfile's `AS runtime` stage the way `.ci/runtime-stage.mjs` does (continuation
 * lines joined, comments dropped), so that the benchmark starts the app exactly as the image
 * does: the same Node flags (heap limits, docs/architecture/0024-one-round-trip-reads.md, "Memory") and the same
 * environment.
 */
export function imageStart(dockerfile: string): ImageStart {
  let inRuntime = false;
  const env: Record<string, string> = {};
  let cmd: unknown;
  let nodeMajor: number | undefined;
  for (const raw of dockerfile.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, op, rest] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = op.toUpperCase();
    if (instruction === 'FROM') {
      inRuntime = / AS runtime$/i.test(rest);
      const major = /^node:(\d+)/.exec(rest)?.[1];
      if (inRuntime && major) nodeMajor = Number(major);
    }
    if (!inRuntime) continue;
    if (instruction === 'ENV') {
      for (const m of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
        env[m[1]] = m[2].replace(/^"|"$/g, '');
      }
    }
    if (instruction === 'CMD') cmd = JSON.parse(rest);
  }
  if (!Array.isArray(cmd) || cmd[0] !== 'node' || !cmd.every((a) => typeof a === 'string')) {
    throw new Error(`the runtime stage's CMD is not ["node", …]: ${JSON.stringify(cmd)}`);
  }
  return { args: cmd.slice(1), env, ...(nodeMajor === undefined ? {} : { nodeMajor }) };
}

/**
 * The warning to print when a benchmark runs on another Node than the image's: another major
 * version (JIT and garbage collector differ: Node 22 spent 11 % more instructions than Node 20
 * on the same read), or one that lacks a flag of the image's CMD (`forThisNode` left it out).
 * None when it runs the image's Node with all its flags.
 */
export function otherNodeThanImage(image: ImageStart, version: string): string | undefined {
  const major = Number(version.split('.')[0]);
  const otherMajor = image.nodeMajor !== undefined && image.nodeMajor !== major;
  const dropped = image.dropped?.length ? ` It leaves out ${image.dropped.join(' ')}.` : '';
  if (!otherMajor && !dropped) return undefined;
  return (
    `Node ${version} runs this benchmark, the image runs Node ${image.nodeMajor ?? '(unnamed)'}: ` +
    `for the image's figures, run it on the image's Node (README, "Benchmarks").${dropped}`
  );
}

/** Whether the Node running this process starts with `flag` (it exits 9 on an unknown one). */
export function nodeAccepts(flag: string): boolean {
  return spawnSync(process.execPath, [flag, '-e', ''], { stdio: 'ignore' }).status === 0;
}

/**
 * The image's start for the Node that runs the benchmark: a flag that Node does not start with
 * is left out and named in `dropped`. Node 22's `--experimental-async-context-frame` (ADR 0024,
 * "The request's context without promise hooks") is unknown to Node 20, and Node 24, where it
 * is the default, refuses it; the app would not start with it. Node itself is asked, since
 * `process.allowedNodeEnvironmentFlags` lists only what NODE_OPTIONS may carry.
 */
export function forThisNode(
  image: ImageStart,
  accepts: (flag: string) => boolean = nodeAccepts,
): ImageStart {
  const unknown = (arg: string) => arg.startsWith('--') && !accepts(arg);
  const dropped = image.args.filter(unknown);
  return {
    ...image,
    args: image.args.filter((arg) => !dropped.includes(arg)),
    ...(dropped.length ? { dropped } : {}),
  };
}

export function readImageStart(root: string): ImageStart {
  return imageStart(readFileSync(join(root, 'Dockerfile'), 'utf8'));
}
