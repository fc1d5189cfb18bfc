// Method and status rules of the stable HTTP semantic conventions, as the OTel http and undici
// instrumentations apply them (so both give the same segment documents).

const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'QUERY',
]);

/** `http.request.method`: the method upper-cased when it is a known one, else `_OTHER`. */
export function normalizeMethod(method: string | undefined): string {
  if (method === undefined || method === '') return 'GET';
  if (KNOWN_METHODS.has(method)) return method;
  const upper = method.toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : '_OTHER';
}

/** Whether a status code marks the span as an error: ≥ 500 for a server, ≥ 400 for a client. */
export function isErrorStatus(statusCode: number | undefined, client: boolean): boolean {
  if (statusCode === undefined || statusCode < 100) return true;
  return statusCode >= (client ? 400 : 500);
}

/** `error.type` for an error status (the code as a string), or undefined. */
export function statusErrorType(
  statusCode: number | undefined,
  client: boolean,
): string | undefined {
  if (statusCode === undefined || statusCode >= 600) return undefined;
  return statusCode >= (client ? 400 : 500) ? String(statusCode) : undefined;
}
