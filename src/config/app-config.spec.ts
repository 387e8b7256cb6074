import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigValidationError, configOrExit, loadConfig } from './app-config';
import { ENV_KEYS, NodeEnv } from './environment.schema';

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe('loadConfig', () => {
  it('has working defaults for development with no variables at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: NodeEnv.Development,
      http: { port: 3000, host: 'localhost', bodyLimitBytes: 262144, corsOrigins: [] },
      database: { url: undefined, poolMax: 10, migrationsRun: true },
      demoData: true,
      logLevel: 'info',
    });
  });

  it('parses numbers, booleans and lists', () => {
    const config = loadConfig({
      PORT: '8080',
      DB_MIGRATIONS_RUN: 'false',
      DEMO_DATA: 'no',
      CORS_ORIGINS: 'https://a.example.de, http://localhost:5173',
      DATABASE_URL: 'postgres://u@db:5432/lotse',
    });
    expect(config.http.port).toBe(8080);
    expect(config.database.migrationsRun).toBe(false);
    expect(config.demoData).toBe(false);
    expect(config.http.corsOrigins).toEqual(['https://a.example.de', 'http://localhost:5173']);
    expect(config.database.url).toBe('postgres://u@db:5432/lotse');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '  ' }).database.url).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT must be an integer from 1 to 65535'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, test, production'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ DB_MIGRATIONS_RUN: 'maybe' }, 'DB_MIGRATIONS_RUN must be true or false'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS must be a comma-separated list of origins'],
    [{ BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES must be an integer from 1024 to 10485760'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(problemsOf(env)).toContain(message);
  });

  it('reports every bad variable on one line', () => {
    const message = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' });
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Invalid configuration: .*PORT.*LOG_LEVEL/);
  });

  it('reads trusted proxies and login limits', () => {
    const config = loadConfig({
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.7',
      LOGIN_ATTEMPTS_PER_ACCOUNT: '3',
    });
    expect(config.http.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7']);
    expect(config.auth.loginAttemptsPerAccount).toBe(3);
    expect(config.auth.loginAttemptsPerSource).toBe(100);
    expect(problemsOf({ TRUST_PROXY: 'everyone' })).toContain('TRUST_PROXY must be');
  });

  it('never echoes a value, which could be a secret', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://user:hunter2@db' })).not.toContain('hunter2');
  });

  describe('in production', () => {
    it('requires DATABASE_URL', () => {
      expect(problemsOf({ NODE_ENV: 'production' })).toContain(
        'DATABASE_URL is required when NODE_ENV=production',
      );
    });

    it('refuses demo data and the embedded database', () => {
      const message = problemsOf({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/lotse',
        DEMO_DATA: 'true',
        PGLITE_DATA_DIR: '/tmp/x',
      });
      expect(message).toContain('DEMO_DATA must not be true');
      expect(message).toContain('PGLITE_DATA_DIR must not be set');
    });

    it('requires JWT_SECRET, of at least 32 characters', () => {
      expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/l' })).toContain(
        'JWT_SECRET is required when NODE_ENV=production',
      );
      expect(problemsOf({ JWT_SECRET: 'short' })).toContain(
        'JWT_SECRET must be 32 to 512 characters long',
      );
      expect(problemsOf({ JWT_SECRET: 'short-secret-hunter2' })).not.toContain('hunter2');
    });

    it('has no demo data by default', () => {
      const env = {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/l',
        JWT_SECRET: 'x'.repeat(32),
      };
      expect(loadConfig(env).demoData).toBe(false);
    });
  });

  it('refuses a HOST that is no host name or address, and a DB_APP_ROLE that is no role', () => {
    expect(problemsOf({ HOST: ';;;' })).toContain('HOST must be a host name or an IP address');
    expect(problemsOf({ HOST: 'a b' })).toContain('HOST');
    for (const host of ['localhost', '0.0.0.0', '::', '::1', 'lotse.example.de', '10.1.2.3']) {
      expect(loadConfig({ HOST: host }).http.host).toBe(host);
    }
    expect(problemsOf({ DB_APP_ROLE: 'app; DROP' })).toContain('DB_APP_ROLE');
    expect(loadConfig({ DB_APP_ROLE: 'lotse_app' }).database.appRole).toBe('lotse_app');
  });

  it('runs jobs on pg-boss by default, on the timer when asked, and none with JOBS_INTERVAL_MS=0', () => {
    expect(loadConfig({}).jobs).toEqual({
      runner: 'pg-boss',
      intervalMs: 600000,
      maintenanceCron: '*/10 * * * *',
      retentionCron: '15 */6 * * *',
      auditSealIntervalMs: 1000,
      statusIntervalMs: 300000,
    });
    expect(loadConfig({ JOBS_RUNNER: 'timer' }).jobs.runner).toBe('timer');
    expect(loadConfig({ JOBS_INTERVAL_MS: '0' }).jobs.runner).toBe('off');
    expect(loadConfig({ JOBS_RUNNER: 'timer', JOBS_INTERVAL_MS: '0' }).jobs.runner).toBe('off');
    expect(problemsOf({ JOBS_RUNNER: 'cron' })).toContain(
      'JOBS_RUNNER must be one of pg-boss, timer',
    );
    expect(problemsOf({ JOBS_AUDIT_SEAL_INTERVAL_MS: '100' })).toContain(
      'JOBS_AUDIT_SEAL_INTERVAL_MS must be an integer from 500 to 60000',
    );
    expect(problemsOf({ JOBS_MAINTENANCE_CRON: 'hourly' })).toContain(
      'JOBS_MAINTENANCE_CRON must be a cron expression of 5 fields',
    );
  });

  it('logs pretty in development and JSON elsewhere, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(problemsOf({ LOG_FORMAT: 'xml' })).toContain('LOG_FORMAT must be one of json, pretty');
  });

  it('serves metrics only with METRICS_PORT, on HOST unless METRICS_HOST says otherwise', () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464', HOST: '0.0.0.0' }).metrics).toEqual({
      port: 9464,
      host: '0.0.0.0',
    });
    expect(loadConfig({ METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' }).metrics).toEqual({
      port: 0,
      host: '127.0.0.1',
    });
  });

  it('configOrExit hands the one line to the exit path', () => {
    const lines: string[] = [];
    expect(() =>
      configOrExit({ PORT: '-1' }, (line) => {
        lines.push(line);
        throw new Error('exited');
      }),
    ).toThrow('exited');
    expect(lines).toEqual(['Invalid configuration: PORT must be an integer from 1 to 65535']);
  });

  it('.env.example documents every variable', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const documented = new Set(
      [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]),
    );
    expect([...ENV_KEYS].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !(ENV_KEYS as readonly string[]).includes(k))).toEqual([]);
  });
});
