import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from '../common/problem/domain-error';
import { toFieldErrors } from '../common/validation/field-errors';
import { TooManyRequests } from './auth-errors';
import type { SessionsService } from '../identity/sessions.service';
import type { KnownDevicesService } from '../mfa/known-devices.service';
import { LoginDto } from './dto/login.dto';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * The account an attempt is for, as the per-account throttle counts it: the signed-in user
 * (changing one's password), the activation code tried (activation: its account is unknown
 * until the code is), else the email address of a login.
 */
export function loginAccountOf(request: FastifyRequest): string {
  if (request.actor?.kind === 'user') return `user:${request.actor.userId}`;
  const body = request.body as { email?: unknown; code?: unknown } | undefined;
  if (typeof body?.code === 'string') {
    return `code:${body.code.toUpperCase().replace(/[\s-]/g, '').slice(0, 64)}`;
  }
  const email = body?.email;
  return `account:${typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : ''}`;
}

/**
 * What the per-account throttle counts a password attempt against: a login that presents a
 * known device of its account counts against that device (ADR 0017: the lockout cannot be used
 * against the owner); a second factor's attempt against the account of its challenge; any
 * other attempt against the account, as `loginAccountOf` says.
 */
export async function loginTrackerOf(
  request: FastifyRequest,
  devices: KnownDevicesService,
  sessions: SessionsService,
): Promise<string> {
  const body = request.body as
    { email?: unknown; deviceToken?: unknown; mfaToken?: unknown } | undefined;
  // The second factor's attempts count for the account whose password opened the challenge.
  if (typeof body?.mfaToken === 'string') {
    const pending = await sessions.findPending(undefined, body.mfaToken.slice(0, 64));
    return pending ? `user:${pending.userId}` : 'mfa:unknown-challenge';
  }
  if (request.actor === undefined && typeof body?.email === 'string') {
    if (typeof body.deviceToken === 'string') {
      const device = await devices.deviceOf(body.email, body.deviceToken);
      if (device) return `device:${device}`;
    }
  }
  return loginAccountOf(request);
}

/**
 * Password attempts (login, password change, activation) are counted per source address and
 * per account (ASVS 6.1.1); past either limit the answer is 429 with `Retry-After` until the
 * window's cool-down ends.
 */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new TooManyRequests(Math.max(1, Math.ceil(detail.timeToBlockExpire)));
  }
}

/**
 * passport-local, after the body has been validated like any other: a malformed login is a
 * 400 naming the field, not a 401 (guards run before the validation pipe).
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<FastifyRequest>().body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new RequestValidationError([
        { field: 'body', messages: ['body must be a JSON object with email and password'] },
      ]);
    }
    const dto = plainToInstance(LoginDto, body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new RequestValidationError(toFieldErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }
}
