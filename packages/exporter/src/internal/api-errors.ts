// Which PutTraceSegments failures are worth another attempt (spec/xray-protocol.md §5.4).

const THROTTLING = new Set([
  'ThrottledException',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** True for throttling, 5xx, timeouts and connection errors; false for other 4xx and local errors. */
export function isRetryableError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { name, code, $metadata } = error as ErrorShape;
  if (typeof name === 'string' && THROTTLING.has(name)) return true;
  const status = $metadata?.httpStatusCode;
  if (typeof status === 'number') return status === 429 || status >= 500;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  return typeof code === 'string' && NETWORK.has(code);
}

/** A document listed in `UnprocessedTraceSegments` is retried unless its code says it is invalid. */
export function isRetryableUnprocessed(errorCode: string | undefined): boolean {
  return errorCode === undefined || !/^Invalid/i.test(errorCode);
}

/** A short, credential-free description of an error for diag messages. */
export function describeError(error: unknown): string {
  if (error === null || typeof error !== 'object') return String(error);
  const { name, $metadata } = error as ErrorShape;
  const { message } = error as { message?: unknown };
  const status =
    typeof $metadata?.httpStatusCode === 'number' ? ` HTTP ${$metadata.httpStatusCode}` : '';
  const text = typeof message === 'string' && message !== '' ? `: ${message.slice(0, 200)}` : '';
  return `${typeof name === 'string' ? name : 'Error'}${status}${text}`;
}
