import { AsyncLocalStorage } from 'node:async_hooks';
import type { BeforeQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * Records the statements one request sends, and only those: queries are attributed through
 * AsyncLocalStorage to the request that issued them, so the audit sealer's timer or another
 * request never lands in a recording.
 */
export class QueryRecorder implements EntitySubscriberInterface {
  private readonly current = new AsyncLocalStorage<string[]>();

  static attach(dataSource: DataSource): QueryRecorder {
    const recorder = new QueryRecorder();
    dataSource.subscribers.push(recorder);
    return recorder;
  }

  beforeQuery(event: BeforeQueryEvent): void {
    this.current.getStore()?.push(event.query);
  }

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
