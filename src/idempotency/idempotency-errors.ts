import { DomainError } from '../common/problem/domain-error';

export class IdempotencyKeyMissing extends DomainError {
  readonly kind = 'idempotency-key-missing';
  readonly status = 400;
  readonly title = 'Idempotency-Key required';

  constructor() {
    super('Provider systems must send an Idempotency-Key header (1–255 visible ASCII characters).');
  }
}

export class IdempotencyKeyInvalid extends DomainError {
  readonly kind = 'idempotency-key-invalid';
  readonly status = 400;
  readonly title = 'Invalid Idempotency-Key';

  constructor() {
    super('The Idempotency-Key must be 1–255 visible ASCII characters.');
  }
}

/** The same key came with a different request (IETF draft: 422). */
export class IdempotencyKeyReused extends DomainError {
  readonly kind = 'idempotency-key-reused';
  readonly status = 422;
  readonly title = 'Idempotency-Key reused';

  constructor() {
    super('This Idempotency-Key was used for a different request. Use a new key.');
  }
}

/** The first request with this key is still being processed (IETF draft: 409). */
export class IdempotencyKeyInFlight extends DomainError {
  readonly kind = 'idempotency-key-in-flight';
  readonly status = 409;
  readonly title = 'Request in progress';
  override readonly headers = { 'Retry-After': '1' };

  constructor() {
    super('A request with this Idempotency-Key is still being processed. Retry shortly.');
  }
}
