import type { FieldError } from '@tuo/shared/api/problem';

/**
 * The base of every error the API turns into a response on purpose. `code` is stable
 * (clients may branch on it); `message` is safe to show.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
  }
}

/** The request's content is not acceptable; `fieldErrors` say which fields and why. */
export class ValidationError extends AppError {
  override name = 'ValidationError';
  constructor(message: string, fieldErrors: FieldError[]) {
    super(400, 'validation_failed', message, fieldErrors);
  }
}

/** Nothing is there, or the caller may not know whether it is. */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  constructor(message = 'Nothing was found at this address.') {
    super(404, 'not_found', message);
  }
}

/** The request clashes with what already exists (e.g. an idempotency key reused with another body). */
export class ConflictError extends AppError {
  override name = 'ConflictError';
  constructor(code: string, message: string, statusCode = 409) {
    super(statusCode, code, message);
  }
}

/** The service cannot answer now (e.g. the database is unreachable); the caller may retry later. */
export class UnavailableError extends AppError {
  override name = 'UnavailableError';
  constructor(message: string) {
    super(503, 'unavailable', message);
  }
}
