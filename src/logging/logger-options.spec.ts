import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../config/app-config';
import { pinoHttpOptions } from './logger-options';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logger options', () => {
  const pinoHttp = pinoHttpOptions(loadConfig({ LOG_LEVEL: 'info' })) as pino.LoggerOptions;

  it('redacts credentials wherever they appear in a logged object', () => {
    const { lines, stream } = capture();
    const logger = pino({ redact: pinoHttp.redact, level: 'info' }, stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret', cookie: 'sid=abc' } },
        body: { password: 'hunter2hunter2', refreshToken: 'rt-123', apiKey: 'lk_live_x' },
      },
      'login',
    );
    const line = lines.join('');
    for (const secret of ['eyJ.secret', 'sid=abc', 'hunter2hunter2', 'rt-123', 'lk_live_x']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[Redacted]');
  });

  it('logs method, path and status only: no headers, no query string', () => {
    const serializers = pinoHttp.serializers!;
    expect(
      serializers.req({
        id: 'r1',
        method: 'GET',
        url: '/api/v1/clients?name=Mustermann',
        headers: { authorization: 'x' },
      }),
    ).toEqual({ id: 'r1', method: 'GET', path: '/api/v1/clients' });
    expect(serializers.res({ statusCode: 200, headers: { 'set-cookie': 'x' } })).toEqual({
      statusCode: 200,
    });
  });
});
