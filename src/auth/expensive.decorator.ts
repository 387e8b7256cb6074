import { SetMetadata } from '@nestjs/common';
import { EXPENSIVE } from './access-metadata';

/**
 * Marks a route whose answer costs far more than a read of one object (statistics, their CSV
 * export, submitting a report, verifying the audit chain): besides the general rate limit, a
 * principal gets `RATE_LIMIT_EXPENSIVE_PER_MINUTE` calls a minute to such routes together
 * (docs/security.md item 22).
 */
export const Expensive = (): MethodDecorator => SetMetadata(EXPENSIVE, true);
