/**
 * The one typed client for the API (hc<AppType>): response types come from the API's routes, so
 * nothing here describes a response by hand. Failures become ApiError with the API's own
 * Vietnamese message, which the page shows as it is.
 */
import { createClient } from '@chitieu/api/client';
import { t } from '../i18n.ts';

export const api = createClient(new URL('/api', window.location.origin).href);

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** The envelope's `details` (e.g. the value that won a 409 conflict). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function hasErrorEnvelope(
  body: unknown,
): body is { error: { code: string; message: string; details?: unknown; requestId?: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** The error a failed response stands for: the API's envelope if there is one. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  try {
    const body: unknown = await res.json();
    if (hasErrorEnvelope(body)) {
      const { code, message, details, requestId } = body.error;
      // A failure of ours: the id finds its line in the server's log.
      const shown =
        code === 'internal' && requestId ? t('error.requestId', { message, id: requestId }) : message;
      return new ApiError(shown, code, res.status, details);
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the generic message.
  }
  return new ApiError(t('error.http', { status: res.status }), 'http', res.status);
}

/** Run a request; a network failure (not an HTTP error) becomes an ApiError too. */
export async function request<R extends Response>(send: () => Promise<R>): Promise<R> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(t('error.network'), 'network', 0);
  }
}

/** The body of the answers among a typed client's responses that are not errors. */
type SuccessJson<R> = R extends { ok: false } ? never : R extends { json(): Promise<infer T> } ? T : never;

/** Ask the API through the typed client: the answer's JSON, or the API's error as an ApiError. */
export async function call<R extends Response & { ok: boolean }>(
  send: () => Promise<R>,
): Promise<SuccessJson<R>> {
  const res = await request(send);
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as SuccessJson<R>;
}

/** Whether asking again may help (network trouble, server errors), unlike a refused request. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}

/** Message to show for any error a query may end with. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('error.network');
}
