/**
 * Typed domain errors. Domain functions throw these; the API's one error handler maps each code to
 * an HTTP status and the JSON envelope `{ error: { code, message, details?, requestId } }`. Messages are Vietnamese.
 */
export const ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A Host header this server does not answer for (DNS rebinding). */
  misdirected: 421,
  too_many_requests: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message: string, details?: unknown) =>
  new DomainError('not_found', message, details);
export const invalid = (message: string, details?: unknown) => new DomainError('invalid', message, details);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);
export const forbidden = (message: string, details?: unknown) =>
  new DomainError('forbidden', message, details);
export const unauthorized = (message = 'Bạn cần đăng nhập.') => new DomainError('unauthorized', message);
export const tooManyRequests = (message: string, details?: unknown) =>
  new DomainError('too_many_requests', message, details);
export const payloadTooLarge = (message: string) => new DomainError('payload_too_large', message);
