import { SetMetadata, type Type } from '@nestjs/common';
import type { Readable } from './content-category';

/** A response body with what its reader may read; the disclosure interceptor filters it. */
export class Disclosed<T> {
  constructor(
    readonly body: T,
    readonly readable: Readable,
  ) {}
}

export const DISCLOSES = 'lotse:discloses';

/**
 * Marks a route whose response carries case content, with the DTO type whose field rules the
 * disclosure interceptor applies. Its handler returns `Disclosed<T>`.
 */
export const Discloses = (type: Type<unknown>): MethodDecorator => SetMetadata(DISCLOSES, type);
