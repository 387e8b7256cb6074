import {
  FIELD_ERRORS_MAX_ITEMS,
  FIELD_MESSAGES_MAX_ITEMS,
  FIELD_MESSAGE_MAX_LENGTH,
  FIELD_PATH_MAX_LENGTH,
} from './problem-details';

/**
 * Base of every error a service raises on purpose. The problem filter turns it into
 * `application/problem+json` with the type `urn:lotse:problem:<kind>`; services never throw
 * HttpException. `extensions` become extra members of the problem body, so they must never
 * carry case content.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: string;
  abstract readonly status: number;
  abstract readonly title: string;
  /** Response headers the error implies, e.g. `Retry-After` or `WWW-Authenticate`. */
  readonly headers: Readonly<Record<string, string>> = {};

  constructor(
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** A missing object and a foreign one are indistinguishable to the caller (always 404). */
export class ResourceNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly status = 404;
  readonly title = 'Not Found';

  /** What was not found (e.g. `referral`); the access-denial audit event names it. */
  constructor(readonly resource: string) {
    super(`The ${resource} does not exist or is not visible to you.`);
  }
}

/**
 * The caller may know the object but may not do this to it (e.g. approve a request they made
 * themselves). A 403 about one object, audited like a `ResourceNotFound` as `access.denied`.
 */
export abstract class ActionNotAllowed extends DomainError {
  readonly status = 403;

  /** What the action was refused on (e.g. `approval request`); the denial event names it. */
  constructor(
    readonly resource: string,
    detail: string,
  ) {
    super(detail);
  }
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `grants.0.category`. */
  field: string;
  messages: string[];
}

export class RequestValidationError extends DomainError {
  readonly kind = 'validation-error';
  readonly status = 400;
  readonly title = 'Invalid request';

  readonly errors: FieldError[];

  /** At most 100 field errors, their paths and messages cut short (a body may hold anything). */
  constructor(errors: FieldError[]) {
    const bounded = errors.slice(0, FIELD_ERRORS_MAX_ITEMS).map((e) => ({
      field: e.field.slice(0, FIELD_PATH_MAX_LENGTH),
      messages: e.messages
        .slice(0, FIELD_MESSAGES_MAX_ITEMS)
        .map((m) => m.slice(0, FIELD_MESSAGE_MAX_LENGTH)),
    }));
    super('One or more fields are invalid.', { errors: bounded });
    this.errors = bounded;
  }
}
