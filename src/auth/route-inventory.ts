import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_PERMISSION } from './access-metadata';
import type { Permission } from './permission';

/** One route of the app and what it demands: nothing (public), a permission, or undeclared. */
export interface RouteAccess {
  /** e.g. `GET /api/v1/users/{id}` */
  route: string;
  handler: string;
  access: 'public' | 'undeclared' | Permission;
}

function joinPath(...parts: string[]): string {
  const path = parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .map((segment) => segment.replace(/^:(\w+)$/, '{$1}'))
    .join('/');
  return `/${path}`;
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : '/'];
}

/**
 * Every route the app's controllers declare, read from Nest's metadata (the same metadata the
 * access guard reads), sorted by path and method.
 */
export function routeInventory(app: INestApplicationContext, prefix: string): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
      const classPermission = Reflect.getMetadata(REQUIRED_PERMISSION, controller) as
        Permission | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const permission =
          (Reflect.getMetadata(REQUIRED_PERMISSION, handler) as Permission | undefined) ??
          classPermission;
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) === true || classPublic;
        for (const base of pathsOf(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const path of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({
              route: `${RequestMethod[method]} ${joinPath(prefix, base, path)}`,
              handler: `${controller.name}.${name}`,
              access: isPublic ? 'public' : (permission ?? 'undeclared'),
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => {
    const [am, ap] = a.route.split(' ');
    const [bm, bp] = b.route.split(' ');
    return ap === bp ? am.localeCompare(bm) : ap.localeCompare(bp);
  });
}
