import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { NOTHING } from './content-category';
import { containsSealed, type DisclosureViolation } from './disclosure';
import { discloseCompiled } from './disclosure-compiled';
import { DISCLOSES, Disclosed } from './disclosed';

/**
 * The serialization step of the disclosure policy, on every response: a `Disclosed` body is cut
 * down to what its reader may read, by the field rules of the route's `@Discloses` type
 * (compiled once per type: `discloseCompiled`). It fails closed: a route that declares content
 * but returns a raw body, a `Disclosed` body on a route that declares no type, and sealed
 * values anywhere else lose all content, and the violation is logged.
 */
@Injectable()
export class DisclosureInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Disclosure');
  /** The `@Discloses` type of each handler (null: none), looked up once per handler. */
  private readonly types = new WeakMap<object, Type<unknown> | null>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const type = this.typeOf(context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(map((result: unknown) => this.filter(request, type, result)));
  }

  private typeOf(handler: object): Type<unknown> | null {
    let type = this.types.get(handler);
    if (type === undefined) {
      type = this.reflector.get<Type<unknown> | undefined>(DISCLOSES, handler as never) ?? null;
      this.types.set(handler, type);
    }
    return type;
  }

  private filter(request: FastifyRequest, type: Type<unknown> | null, result: unknown): unknown {
    const violations: DisclosureViolation[] = [];
    let body: unknown;
    if (result instanceof Disclosed) {
      body = type ? discloseCompiled(type, result.body, result.readable, violations) : {};
      if (!type) violations.push({ type: '?', field: '*', reason: 'no rules' });
    } else if (type) {
      body = discloseCompiled(type, result, NOTHING, violations);
      violations.push({ type: type.name, field: '*', reason: 'no rules' });
    } else if (containsSealed(result)) {
      body = {};
      violations.push({ type: '?', field: '*', reason: 'sealed value outside a sealed field' });
    } else {
      return result;
    }
    if (violations.length > 0) {
      const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
      this.logger.error({ route, violations }, 'Disclosure violation: content withheld');
    }
    return body;
  }
}
