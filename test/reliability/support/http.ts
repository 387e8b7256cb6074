import { performance } from 'node:perf_hooks';

/** One answer as the scenarios judge it: no answer at all (a reset, a timeout) is `status: 0`. */
export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  body: Record<string, unknown>;
  ms: number;
  sentAt: number;
  error?: string;
}

/** A request with a hard client-side timeout, so that a hanging app fails the scenario. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const sentAt = performance.now();
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15000),
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { unparsed: text };
    }
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      headers: res.headers,
      body,
      ms: performance.now() - sentAt,
      sentAt,
    };
  } catch (error) {
    return {
      status: 0,
      contentType: '',
      headers: new Headers(),
      body: {},
      ms: performance.now() - sentAt,
      sentAt,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/** Whether an answer is the outage problem: 503 problem+json, no stack, no SQL. */
export function isOutageProblem(a: Answer): boolean {
  return (
    a.status === 503 &&
    a.contentType.startsWith('application/problem+json') &&
    typeof a.body.type === 'string' &&
    ['urn:lotse:problem:database-unavailable', 'urn:lotse:problem:not-ready'].includes(
      a.body.type,
    ) &&
    !/\bat .+:\d+:\d+|SELECT |INSERT |node_modules|\/work\//.test(JSON.stringify(a.body))
  );
}

/** Counts per status, e.g. `{ "201": 40, "503": 12 }`, for messages and the report. */
export function tally(answers: Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

/** An answer as a failure message shows it: status, problem type and detail, or the error. */
export function brief(a: Answer): Record<string, unknown> {
  return { status: a.status, type: a.body.type, detail: a.body.detail, error: a.error };
}
