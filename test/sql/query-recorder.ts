import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';

type AnyQuery = (this: Client, ...args: unknown[]) => unknown;

/**
 * Records the statements one request sends, and only those: queries are attributed through
 * AsyncLocalStorage to the request that issued them, so the audit sealer's timer or another
 * request never lands in a recording. Recorded where pg's client sends them, so that the hot
 * statements, which go to the pool without a TypeORM query runner (`pooledQueryOf`, ADR 0024),
 * are seen like all others.
 */
export class QueryRecorder {
  private readonly current = new AsyncLocalStorage<string[]>();

  /** Starts recording for the app under test (one recorder per test file; `detach` at the end). */
  static attach(): QueryRecorder {
    const recorder = new QueryRecorder();
    const proto = Client.prototype as unknown as { query: AnyQuery };
    const original = proto.query;
    recorder.detach = () => {
      proto.query = original;
    };
    proto.query = function (this: Client, ...args: unknown[]): unknown {
      const [config] = args;
      const text =
        typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
      if (typeof text === 'string') recorder.current.getStore()?.push(text);
      return original.apply(this, args);
    };
    return recorder;
  }

  /** Stops recording. */
  detach: () => void = () => undefined;

  /** Runs `work` and answers the statements it sent, in order. */
  async record(work: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    await this.current.run(statements, work);
    return statements;
  }
}

/** A statement as the checked-in file shows it: trailing blanks gone, the common indent removed. */
export function layout(statement: string): string {
  const lines = statement
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const indents = lines
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.length - l.trimStart().length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return [lines[0].trimStart(), ...lines.slice(1).map((l) => l.slice(cut).trimEnd())].join('\n');
}
