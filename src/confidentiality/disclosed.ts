import { SetMetadata, type Type } from '@nestjs/common';
import type { Readable } from './content-category';
import type { Undisclosed } from './disclosure';

/**
 * A response body of DTO type `T` before the disclosure step, with what its reader may read; the
 * disclosure interceptor cuts it down by the field rules of the route's `@Discloses(T)`.
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
 * disclosure interceptor applies. The compiler holds the handler to it: a handler that does not
 * return `Disclosed<T>` of this very `T` does not compile (`test/typing/`).
 */
export const Discloses =
  <T>(type: Type<T>) =>
  <H extends DisclosingHandler<T>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    SetMetadata(DISCLOSES, type)(target, key, descriptor);
  };
