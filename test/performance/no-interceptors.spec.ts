import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp } from '../support/test-app';

/*
 * No route runs through a Nest interceptor (ADR 0024, "Response steps as Fastify hooks"). With
 * none, Nest calls a handler directly; with one, every request of every route builds an rxjs
 * pipeline around it (an execution context, deferred Observables, bound async scopes), which
 * cost the referral read about 10 % of its instructions. The response steps (the disclosure
 * step, a create's Location) are Fastify hooks, and the object-level denial audit runs in the
 * problem filter, where only an error pays for it. A new interceptor fails this test: put its
 * work into a hook, a guard or the handler instead, or change the ADR.
 */
describe('routes without Nest interceptors', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('has no global interceptor', () => {
    const config = (app as unknown as { config: ApplicationConfig }).config;
    expect(config).toBeInstanceOf(ApplicationConfig);
    expect(config.getGlobalInterceptors()).toEqual([]);
    expect(config.getGlobalRequestInterceptors()).toEqual([]);
  });

  it('has no controller or handler with interceptors of its own', () => {
    const found: string[] = [];
    let handlers = 0;
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
        if (!controller) continue;
        if (Reflect.getMetadata(INTERCEPTORS_METADATA, controller)) found.push(controller.name);
        const prototype = controller.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          handlers += 1;
          if (Reflect.getMetadata(INTERCEPTORS_METADATA, handler))
            found.push(`${controller.name}.${name}`);
        }
      }
    }
    expect(handlers).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
