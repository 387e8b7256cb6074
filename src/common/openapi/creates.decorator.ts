import { applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { addRouteConfig, routeConfigOf } from '../http/route-config';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A create's `Location` template with `{id}` (`@Creates`). */
    location?: string;
  }
}

/** The vendor extension that carries a create's `Location` template to the document builder. */
export const LOCATION_EXTENSION = 'x-lotse-location';

/**
 * A create whose `201` names the new resource in `Location` (`template` with `{id}`, e.g.
 * `/api/v1/reports/{id}`): sends the header (`sendCreatedLocations`), and declares it in the
 * OpenAPI document.
 */
export function Creates(template: `/api/v1/${string}{id}${string}`): MethodDecorator {
  return applyDecorators(
    ApiExtension(LOCATION_EXTENSION, template),
    addRouteConfig({ location: template }),
  );
}

/**
 * Sets `Location` on a create's 201 from the created object's `id`, unless the handler set it:
 * a Fastify hook on the answer before it is serialized, so that a create runs without a Nest
 * interceptor (docs/architecture/0024-one-round-trip-reads.md, "Response steps as Fastify hooks").
 */
export function sendCreatedLocations(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    if (reply.statusCode === 201 && !reply.hasHeader('Location')) {
      const template = routeConfigOf(request).location;
      const id = (payload as { id?: unknown } | null)?.id;
      if (template && typeof id === 'string')
        void reply.header('Location', template.replace('{id}', id));
    }
    done(null, payload);
  });
}
