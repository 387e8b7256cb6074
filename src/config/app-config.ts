import { existsSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import {
  ENV_KEYS,
  EnvironmentVariables,
  NodeEnv,
  type JobRunnerKind,
  type LogFormat,
  type LogLevel,
} from './environment.schema';

/** The validated, typed configuration the app runs with. Built once, at boot. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  http: {
    port: number;
    host: string;
    bodyLimitBytes: number;
    corsOrigins: string[];
    /** Serve Swagger UI (`/api/docs`) and the OpenAPI document (`/api/docs-json`, `-yaml`). */
    apiDocs: boolean;
    /** Proxies whose X-Forwarded-For is believed; empty: the socket address is the source. */
    trustProxy: string[];
    /** Requests per minute per principal (user, API key; the address when anonymous). */
    rateLimitPerMinute: number;
    /** Requests per minute per principal to expensive routes (statistics, report submission). */
    expensiveRateLimitPerMinute: number;
  };
  auth: {
    /** HMAC secret of access tokens; unset outside production: a random one per process. */
    jwtSecret: string | undefined;
    /** Login attempts allowed per account, and per source address, in a 15-minute window. */
    loginAttemptsPerAccount: number;
    loginAttemptsPerSource: number;
    /**
     * argon2id computations at once (each holds 19 MiB while it runs); the others wait their
     * turn (docs/architecture/0024-one-round-trip-reads.md, "Memory").
     */
    passwordHashesAtOnce: number;
    /** How long a one-time activation or password-reset code works (ADR 0008). */
    activationCodeTtlHours: number;
    /** How long an approval request of an operator admin waits for its approver (ADR 0008). */
    approvalRequestTtlHours: number;
    /**
     * Key that seals TOTP secrets at rest; unset: derived from `jwtSecret` (ADR 0017), and
     * outside production without either, a fixed development key.
     */
    mfaSecretKey: string | undefined;
    /** Single sign-on over OpenID Connect (docs/architecture/0018-single-sign-on.md). */
    oidc: {
      /** The callback URL registered at every identity provider; unset: no OIDC login. */
      redirectUri: string | undefined;
      /** Encrypts the identity providers' client secrets; unset: derived from JWT_SECRET. */
      secretKey: string | undefined;
    };
  };
  /** Where limits are counted: Redis when set, else the database (ADR 0017). */
  limits: {
    redisUrl: string | undefined;
    /** Prefix of every counter's key: deployments that share one store count apart. */
    keyPrefix: string;
  };
  database: {
    /** Unset: start the embedded PostgreSQL (PGlite). */
    url: string | undefined;
    pgliteDataDir: string | undefined;
    poolMax: number;
    connectTimeoutMs: number;
    queryTimeoutMs: number;
    migrationsRun: boolean;
    /** The least-privilege role the migration step grants to (`dist/src/database/migrate.js`). */
    appRole: string | undefined;
  };
  /** Events, the outbox and webhooks (docs/architecture/0019-outbox-webhooks-event-feed.md). */
  events: {
    /** Receivers exempt from the SSRF checks: host names, addresses, CIDR ranges. */
    webhookAllowedHosts: string[];
    /** Dispatcher interval; 0: the dispatcher runs only when called (tests). */
    dispatchIntervalMs: number;
    retentionDays: number;
  };
  /** Scheduled jobs (ADR 0019): who runs them, and when. */
  jobs: {
    /** `off` when JOBS_INTERVAL_MS is 0: nothing scheduled in this instance (tests call the jobs). */
    runner: JobRunnerKind | 'off';
    /** The timer runner's interval. */
    intervalMs: number;
    /** pg-boss's schedule of the maintenance job (cron, UTC). */
    maintenanceCron: string;
    /** pg-boss's schedule of the retention sweep (cron, UTC). */
    retentionCron: string;
    /** The pause between two runs of the audit sealer (ms). */
    auditSealIntervalMs: number;
    /** How often queue depth and failures are logged; 0: never. */
    statusIntervalMs: number;
  };
  /** Prometheus metrics on a port of their own; undefined: no metrics endpoint. */
  metrics: { port: number; host: string } | undefined;
  /** Seed demo organisations and users into an empty embedded database at start. */
  demoData: boolean;
  logLevel: LogLevel;
  /** `pretty` for people (default in development), `json` for machines (default otherwise). */
  logFormat: LogFormat;
}

/** Raised when the environment is invalid; its message is one line naming every bad variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).slice(0, 1));
}

/** What a process needs of the configuration: the migration step signs no tokens. */
export interface ConfigPurpose {
  migrationsOnly?: boolean;
}

/** Rules that span variables, checked after each variable is valid on its own. */
function productionProblems(env: EnvironmentVariables, purpose: ConfigPurpose): string[] {
  if (env.NODE_ENV !== NodeEnv.Production) return [];
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is required when NODE_ENV=production');
  if (env.PGLITE_DATA_DIR)
    problems.push('PGLITE_DATA_DIR must not be set when NODE_ENV=production');
  if (env.DEMO_DATA) problems.push('DEMO_DATA must not be true when NODE_ENV=production');
  if (!env.JWT_SECRET && !purpose.migrationsOnly)
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  return problems;
}

/**
 * Validates the environment and returns the typed configuration, or throws a
 * `ConfigValidationError`. Empty values count as unset; unknown variables are ignored.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  purpose: ConfigPurpose = {},
): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of ENV_KEYS) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') raw[key] = value.trim();
  }
  const parsed = plainToInstance(EnvironmentVariables, raw);
  const problems = [
    ...messagesOf(validateSync(parsed, { forbidUnknownValues: false })),
    ...productionProblems(parsed, purpose),
  ];
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const production = parsed.NODE_ENV === NodeEnv.Production;
  return {
    nodeEnv: parsed.NODE_ENV,
    http: {
      port: parsed.PORT,
      host: parsed.HOST,
      bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
      corsOrigins: parsed.CORS_ORIGINS,
      apiDocs: parsed.API_DOCS,
      trustProxy: parsed.TRUST_PROXY,
      rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
      expensiveRateLimitPerMinute: parsed.RATE_LIMIT_EXPENSIVE_PER_MINUTE,
    },
    auth: {
      jwtSecret: parsed.JWT_SECRET,
      loginAttemptsPerAccount: parsed.LOGIN_ATTEMPTS_PER_ACCOUNT,
      loginAttemptsPerSource: parsed.LOGIN_ATTEMPTS_PER_SOURCE,
      passwordHashesAtOnce: parsed.PASSWORD_HASHES_AT_ONCE,
      activationCodeTtlHours: parsed.ACTIVATION_CODE_TTL_HOURS,
      approvalRequestTtlHours: parsed.APPROVAL_REQUEST_TTL_HOURS,
      mfaSecretKey: parsed.MFA_SECRET_KEY,
      oidc: { redirectUri: parsed.OIDC_REDIRECT_URI, secretKey: parsed.OIDC_SECRET_KEY },
    },
    limits: { redisUrl: parsed.REDIS_URL, keyPrefix: parsed.LIMIT_KEY_PREFIX ?? 'lotse' },
    database: {
      url: parsed.DATABASE_URL,
      pgliteDataDir: parsed.PGLITE_DATA_DIR,
      poolMax: parsed.DB_POOL_MAX,
      connectTimeoutMs: parsed.DB_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: parsed.DB_QUERY_TIMEOUT_MS,
      migrationsRun: parsed.DB_MIGRATIONS_RUN,
      appRole: parsed.DB_APP_ROLE,
    },
    events: {
      webhookAllowedHosts: parsed.WEBHOOK_ALLOWED_HOSTS,
      dispatchIntervalMs: parsed.EVENTS_DISPATCH_INTERVAL_MS,
      retentionDays: parsed.EVENTS_RETENTION_DAYS,
    },
    jobs: {
      runner: parsed.JOBS_INTERVAL_MS === 0 ? 'off' : parsed.JOBS_RUNNER,
      intervalMs: parsed.JOBS_INTERVAL_MS,
      maintenanceCron: parsed.JOBS_MAINTENANCE_CRON,
      retentionCron: parsed.JOBS_RETENTION_CRON,
      auditSealIntervalMs: parsed.JOBS_AUDIT_SEAL_INTERVAL_MS,
      statusIntervalMs: parsed.JOBS_STATUS_INTERVAL_MS,
    },
    metrics:
      parsed.METRICS_PORT === undefined
        ? undefined
        : { port: parsed.METRICS_PORT, host: parsed.METRICS_HOST ?? parsed.HOST },
    demoData: !production && (parsed.DEMO_DATA ?? true),
    logLevel: parsed.LOG_LEVEL,
    logFormat: parsed.LOG_FORMAT ?? (parsed.NODE_ENV === NodeEnv.Development ? 'pretty' : 'json'),
  };
}

/** Reads `.env` from the working directory, if there is one; the real environment wins. */
export function loadDotEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** For entry points: the configuration, or one line on stderr naming what is wrong and exit 1. */
export function configOrExit(
  env: NodeJS.ProcessEnv = process.env,
  fail: (line: string) => never = (line) => {
    console.error(line);
    process.exit(1);
  },
  purpose: ConfigPurpose = {},
): AppConfig {
  try {
    return loadConfig(env, purpose);
  } catch (error) {
    if (error instanceof ConfigValidationError) return fail(error.message);
    throw error;
  }
}
