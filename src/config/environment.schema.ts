import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** A plain PostgreSQL role name (`DB_APP_ROLE`); quoted all the same where it is used. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export enum NodeEnv {
  Development = 'development',
  Test = 'test',
  Production = 'production',
}

/** The variables Lotse reads; anything else in the environment is ignored. */
export const ENV_KEYS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'PGLITE_DATA_DIR',
  'DB_POOL_MAX',
  'DB_CONNECT_TIMEOUT_MS',
  'DB_QUERY_TIMEOUT_MS',
  'DB_MIGRATIONS_RUN',
  'DB_APP_ROLE',
  'DEMO_DATA',
  'BODY_LIMIT_BYTES',
  'CORS_ORIGINS',
  'API_DOCS',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'METRICS_PORT',
  'METRICS_HOST',
  'JWT_SECRET',
  'TRUST_PROXY',
  'LOGIN_ATTEMPTS_PER_ACCOUNT',
  'LOGIN_ATTEMPTS_PER_SOURCE',
  'PASSWORD_HASHES_AT_ONCE',
  'RATE_LIMIT_PER_MINUTE',
  'RATE_LIMIT_EXPENSIVE_PER_MINUTE',
  'REDIS_URL',
  'LIMIT_KEY_PREFIX',
  'MFA_SECRET_KEY',
  'ACTIVATION_CODE_TTL_HOURS',
  'APPROVAL_REQUEST_TTL_HOURS',
  'WEBHOOK_ALLOWED_HOSTS',
  'EVENTS_DISPATCH_INTERVAL_MS',
  'EVENTS_RETENTION_DAYS',
  'JOBS_INTERVAL_MS',
  'OIDC_REDIRECT_URI',
  'OIDC_SECRET_KEY',
  'JOBS_RUNNER',
  'JOBS_MAINTENANCE_CRON',
  'JOBS_RETENTION_CRON',
  'JOBS_AUDIT_SEAL_INTERVAL_MS',
  'JOBS_STATUS_INTERVAL_MS',
] as const;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
/** Who runs the scheduled jobs (docs/architecture/0019-outbox-webhooks-event-feed.md). */
export const JOB_RUNNERS = ['pg-boss', 'timer'] as const;
export type JobRunnerKind = (typeof JOB_RUNNERS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

// A host name (RFC 1123 labels), an IPv4 address or an IPv6 address without brackets.
const HOST_NAME =
  /^(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;
const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;
const REDIS_URL = /^rediss?:\/\/\S+$/;
const ORIGIN = /^https?:\/\/[^\s/,]+$/;
const CALLBACK_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?\/auth\/oidc\/callback$/;
const ADDRESS_OR_CIDR = /^[0-9A-Fa-f:.]{2,45}(\/\d{1,3})?$/;
const HOST_OR_CIDR = new RegExp(`(?:${HOST_NAME.source})|(?:${ADDRESS_OR_CIDR.source})`);

function toBoolean({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
}

function toInteger({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

function toList({ value }: { value: unknown }): unknown {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;
}

/** An integer variable within [min, max]; the message names the variable and the range. */
function IntegerVariable(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    const message = `${String(key)} must be an integer from ${min} to ${max}`;
    for (const decorate of [
      Transform(toInteger),
      IsInt({ message }),
      Min(min, { message }),
      Max(max, { message }),
    ]) {
      decorate(target, key);
    }
  };
}

function BooleanVariable(): PropertyDecorator {
  return (target, key) => {
    Transform(toBoolean)(target, key);
    IsBoolean({ message: `${String(key)} must be true or false` })(target, key);
  };
}

/**
 * Every environment variable Lotse reads, with its rule. `.env.example` documents the same set;
 * `app-config.spec.ts` fails when the two disagree.
 */
export class EnvironmentVariables {
  @IsEnum(NodeEnv, { message: 'NODE_ENV must be one of development, test, production' })
  NODE_ENV: NodeEnv = NodeEnv.Development;

  @IntegerVariable(1, 65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty({ message: 'HOST must not be empty' })
  @MaxLength(255)
  @Matches(HOST_NAME, { message: 'HOST must be a host name or an IP address, e.g. 0.0.0.0' })
  HOST = 'localhost';

  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  PGLITE_DATA_DIR?: string;

  @IntegerVariable(1, 200)
  DB_POOL_MAX = 10;

  @IntegerVariable(100, 60000)
  DB_CONNECT_TIMEOUT_MS = 5000;

  @IntegerVariable(100, 600000)
  DB_QUERY_TIMEOUT_MS = 30000;

  @BooleanVariable()
  DB_MIGRATIONS_RUN = true;

  @IsOptional()
  @Matches(ROLE_NAME, { message: 'DB_APP_ROLE must be a PostgreSQL role name like lotse_app' })
  DB_APP_ROLE?: string;

  @IsOptional()
  @BooleanVariable()
  DEMO_DATA?: boolean;

  @IntegerVariable(1024, 10485760)
  BODY_LIMIT_BYTES = 262144;

  @Transform(toList)
  @Matches(ORIGIN, {
    each: true,
    message: 'CORS_ORIGINS must be a comma-separated list of origins like https://app.example.de',
  })
  CORS_ORIGINS: string[] = [];

  @BooleanVariable()
  API_DOCS = true;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}` })
  LOG_FORMAT?: LogFormat;

  @IsOptional()
  @IntegerVariable(0, 65535)
  METRICS_PORT?: number;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Matches(HOST_NAME, { message: 'METRICS_HOST must be a host name or an IP address' })
  METRICS_HOST?: string;

  @IsOptional()
  @IsString()
  @Length(32, 512, { message: 'JWT_SECRET must be 32 to 512 characters long' })
  JWT_SECRET?: string;

  @Transform(toList)
  @Matches(ADDRESS_OR_CIDR, {
    each: true,
    message: 'TRUST_PROXY must be a comma-separated list of IP addresses or CIDR ranges',
  })
  TRUST_PROXY: string[] = [];

  @IntegerVariable(1, 1000)
  LOGIN_ATTEMPTS_PER_ACCOUNT = 10;

  @IntegerVariable(1, 100000)
  LOGIN_ATTEMPTS_PER_SOURCE = 100;

  @IntegerVariable(1, 64)
  PASSWORD_HASHES_AT_ONCE = 1;

  @IntegerVariable(1, 1000000)
  RATE_LIMIT_PER_MINUTE = 600;

  @IntegerVariable(1, 1000000)
  RATE_LIMIT_EXPENSIVE_PER_MINUTE = 30;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(REDIS_URL, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, {
    message: 'LIMIT_KEY_PREFIX must be 1 to 64 letters, digits, _ . : or -',
  })
  LIMIT_KEY_PREFIX?: string;

  @IsOptional()
  @IsString()
  @Length(32, 512, { message: 'MFA_SECRET_KEY must be 32 to 512 characters long' })
  MFA_SECRET_KEY?: string;

  @IntegerVariable(1, 720)
  ACTIVATION_CODE_TTL_HOURS = 72;

  @IntegerVariable(1, 2160)
  APPROVAL_REQUEST_TTL_HOURS = 168;

  /** On-premise webhook receivers that may be internal addresses and plain http (ADR 0019). */
  @Transform(toList)
  @Matches(HOST_OR_CIDR, {
    each: true,
    message:
      'WEBHOOK_ALLOWED_HOSTS must be a comma-separated list of host names, addresses or CIDR ranges',
  })
  WEBHOOK_ALLOWED_HOSTS: string[] = [];

  /** How often the dispatcher drains the outbox and delivers webhooks; 0: never (tests). */
  @IntegerVariable(0, 3600000)
  EVENTS_DISPATCH_INTERVAL_MS = 1000;

  /** At least 8: the consent-expiry job looks back 7 days for what it announced (ADR 0019). */
  @IntegerVariable(8, 3650)
  EVENTS_RETENTION_DAYS = 30;

  /** How often each instance prunes tokens, sessions, idempotency keys and events; 0: never. */
  @IntegerVariable(0, 86400000)
  JOBS_INTERVAL_MS = 600000;

  @IsOptional()
  @MaxLength(500)
  @Matches(CALLBACK_URL, {
    message: 'OIDC_REDIRECT_URI must be an http(s) URL ending in /auth/oidc/callback',
  })
  OIDC_REDIRECT_URI?: string;

  @IsOptional()
  @IsString()
  @Length(32, 512, { message: 'OIDC_SECRET_KEY must be 32 to 512 characters long' })
  OIDC_SECRET_KEY?: string;
  /** pg-boss (default; queues in the `pgboss` schema) or the in-process timer fallback. */
  @IsIn(JOB_RUNNERS, { message: `JOBS_RUNNER must be one of ${JOB_RUNNERS.join(', ')}` })
  JOBS_RUNNER: JobRunnerKind = 'pg-boss';

  /** When pg-boss runs the maintenance job (cron, UTC; once per occurrence across instances). */
  @IsString()
  @Matches(/^\S+( \S+){4}$/, {
    message: 'JOBS_MAINTENANCE_CRON must be a cron expression of 5 fields',
  })
  JOBS_MAINTENANCE_CRON = '*/10 * * * *';

  /** When pg-boss runs the retention sweep (cron, UTC; once per occurrence across instances). */
  @IsString()
  @Matches(/^\S+( \S+){4}$/, {
    message: 'JOBS_RETENTION_CRON must be a cron expression of 5 fields',
  })
  JOBS_RETENTION_CRON = '15 */6 * * *';

  /**
   * The pause between two runs of the audit sealer (the job `audit-seal`: one run at a time across
   * instances on pg-boss; a timer of every instance on the timer fallback).
   */
  @IntegerVariable(500, 60000)
  JOBS_AUDIT_SEAL_INTERVAL_MS = 1000;

  /** How often the job runner logs its queue depth and failures; 0: never. */
  @IntegerVariable(0, 86400000)
  JOBS_STATUS_INTERVAL_MS = 300000;
}
