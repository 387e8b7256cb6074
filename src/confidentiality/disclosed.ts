import { SetMetadata, type Type } from '@nestjs/common';
import { addRouteConfig } from '../common/http/route-config';
import type { Readable } from './content-category';
import type { Undisclosed } from './disclosure';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The DTO type whose field rules cut down the route's answer (`@Discloses`). */
    discloses?: Type<unknown>;
  }
}

/**
 * A response body of DTO type `T` before the disclosure step, with what its reader may read; the
 * disclosure step cuts it down by the field rules of the route's `@Discloses(T)`.
 */
export class Disclosed<T> {
  /** Holds `T` both ways: a `Disclosed<A>` is never a `Disclosed<B>`, however alike A and B. */
  declare private readonly dto?: (dto: T) => T;

  constructor(
    readonly body: NoInfer<Undisclosed<T>>,
    readonly readable: Readable,
  ) {}
}

export const DISCLOSES = 'lotse:discloses';

/** A route handler that answers `Disclosed<T>`, at once or as a promise. */
export type DisclosingHandler<T> = (...args: never[]) => Disclosed<T> | Promise<Disclosed<T>>;

/**
 * Marks a route whose response carries case content, with the DTO type whose field rules the
 * disclosure step applies (`disclosure-step.ts`, which finds the type in the route's Fastify
 * config). The compiler holds the handler to it: a handler that does not return `Disclosed<T>`
 * of this very `T` does not compile (`test/typing/`).
 */
export const Discloses =
  <T>(type: Type<T>) =>
  <H extends DisclosingHandler<T>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    SetMetadata(DISCLOSES, type)(target, key, descriptor);
    addRouteConfig({ discloses: type })(target, key, descriptor);
  };
