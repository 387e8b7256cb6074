import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyContextConfig, FastifyRequest } from 'fastify';

/**
 * Adds `part` to the Fastify route config of a handler: Nest's Fastify adapter hands the
 * handler's config to `fastify.route()`, and a hook reads it back as
 * `request.routeOptions.config`. Unlike `@RouteConfig()`, it merges with what another decorator
 * put there, so that `@Discloses` and `@Creates` can both carry a value on one route. Response
 * steps that depend on the route (the disclosure step, the `Location` of a create) run as
 * Fastify hooks that read it, not as Nest interceptors (docs/architecture/0024-one-round-trip-reads.md,
 * "Response steps as Fastify hooks").
 */
export function addRouteConfig(part: Partial<FastifyContextConfig>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, ...part }, handler);
  };
}

/** The config of the request's route. */
export function routeConfigOf(request: FastifyRequest): Partial<FastifyContextConfig> {
  return request.routeOptions.config;
}
