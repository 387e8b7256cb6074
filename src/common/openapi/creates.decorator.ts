import {
  applyDecorators,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/** The vendor extension that carries a create's `Location` template to the document builder. */
export const LOCATION_EXTENSION = 'x-lotse-location';

/** Sets `Location` on a 201 from the created object's `id`, unless the handler set it. */
class LocationHeader implements NestInterceptor {
  constructor(private readonly template: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const id = (body as { id?: unknown } | null)?.id;
        if (reply.statusCode === 201 && typeof id === 'string' && !reply.hasHeader('Location')) {
          void reply.header('Location', this.template.replace('{id}', id));
        }
        return body;
      }),
    );
  }
}

/**
 * A create whose `201` names the new resource in `Location` (`template` with `{id}`, e.g.
 * `/api/v1/reports/{id}`): sends the header, and declares it in the OpenAPI document.
 */
export function Creates(template: `/api/v1/${string}{id}${string}`): MethodDecorator {
  return applyDecorators(
    ApiExtension(LOCATION_EXTENSION, template),
    UseInterceptors(new LocationHeader(template)),
  );
}
