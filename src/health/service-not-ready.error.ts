import { DomainError } from '../common/problem/domain-error';

export class ServiceNotReady extends DomainError {
  readonly kind = 'not-ready';
  readonly status = 503;
  readonly title = 'Service Unavailable';

  constructor(checks: Record<string, unknown>) {
    super('A dependency of the service is down; see checks.', { checks });
  }
}
