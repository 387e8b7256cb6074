import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { ResourceNotFound } from '../../src/common/problem/domain-error';
import {
  ProblemDetailsFilter,
  type BeforeProblem,
} from '../../src/common/problem/problem-details.filter';

/*
 * The filter's order with a step before the answer (the denial audit): the answer waits for the
 * step, a failed step is answered instead of the error, and an answer that fails after the step
 * still ends in a plain 500, since nothing awaits the filter's promise.
 */

interface Sent {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

function harness(failingReplies = 0) {
  const sent: Sent[] = [];
  let headers: Record<string, string> = {};
  let failures = failingReplies;
  const adapter = {
    setHeader: (_response: unknown, name: string, value: string) => (headers[name] = value),
    isHeadersSent: () => false,
    reply: (_response: unknown, body: Record<string, unknown>, status: number) => {
      if (failures-- > 0) throw new Error('the reply failed');
      sent.push({ status, body, headers });
      headers = {};
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ url: '/api/v1/referrals/x?limit=1', id: 'request-1', headers: {} }),
      getResponse: () => ({}),
    }),
  } as unknown as ArgumentsHost;
  const adapterHost = { httpAdapter: adapter } as unknown as HttpAdapterHost;
  return { sent, host, adapterHost };
}

describe('the problem filter with a step before its answer', () => {
  it('answers only once the step has finished', async () => {
    const { sent, host, adapterHost } = harness();
    let finish = (): void => undefined;
    const before: BeforeProblem = () => new Promise<void>((resolve) => (finish = resolve));
    const done = new ProblemDetailsFilter(adapterHost, before).catch(
      new ResourceNotFound('referral'),
      host,
    );
    await Promise.resolve();
    expect(sent).toEqual([]);
    finish();
    await done;
    expect(sent.map((s) => [s.status, s.body.type, s.body.requestId, s.body.instance])).toEqual([
      [404, 'urn:lotse:problem:not-found', 'request-1', '/api/v1/referrals/x'],
    ]);
  });

  it('answers synchronously when the step has nothing to do', () => {
    const { sent, host, adapterHost } = harness();
    const result = new ProblemDetailsFilter(adapterHost, () => undefined).catch(
      new ResourceNotFound('referral'),
      host,
    );
    expect(result).toBeUndefined();
    expect(sent.map((s) => s.status)).toEqual([404]);
  });

  it('answers the step’s failure instead of the error', async () => {
    const { sent, host, adapterHost } = harness();
    const before: BeforeProblem = () => Promise.reject(new Error('the audit could not be written'));
    await new ProblemDetailsFilter(adapterHost, before).catch(
      new ResourceNotFound('referral'),
      host,
    );
    expect(sent.map((s) => [s.status, s.body.type])).toEqual([
      [500, 'urn:lotse:problem:internal-error'],
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/audit could not/);
  });

  it('still answers a plain 500 when answering fails after the step', async () => {
    const { sent, host, adapterHost } = harness(1);
    await new ProblemDetailsFilter(adapterHost, () => Promise.resolve()).catch(
      new ResourceNotFound('referral'),
      host,
    );
    expect(sent).toEqual([
      {
        status: 500,
        headers: { 'Content-Type': 'application/problem+json' },
        body: expect.objectContaining({
          status: 500,
          requestId: 'request-1',
          instance: '/api/v1/referrals/x',
        }),
      },
    ]);
  });
});
