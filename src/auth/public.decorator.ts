import { SetMetadata } from '@nestjs/common';
import { IS_PUBLIC } from './access-metadata';

/** Opens a route to anonymous callers: login, refresh, health, docs. Everything else is closed. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
