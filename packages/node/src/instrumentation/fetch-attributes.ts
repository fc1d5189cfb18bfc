import type { Attributes } from '@opentelemetry/api';
import { normalizeMethod } from './http-method.ts';

/** The parts of an undici request the fetch spans read. */
export interface UndiciRequest {
  origin: string | URL;
  path: string;
  method: string;
  headers: string | (string | string[])[];
  addHeader?: (name: string, value: string) => unknown;
}

/**
 * The attributes of a fetch (undici) client span, as `@opentelemetry/instrumentation-undici` sets
 * them, from string slicing instead of a `URL` object (fetch hands undici an origin and a
 * normalized path). Undefined when the origin has no scheme.
 */
export function fetchRequestAttributes(request: UndiciRequest): Attributes | undefined {
  const origin = String(request.origin);
  const sep = origin.indexOf('://');
  if (sep <= 0) return undefined;
  const scheme = origin.slice(0, sep);
  let authority = origin.slice(sep + 3);
  const slash = authority.indexOf('/');
  if (slash !== -1) authority = authority.slice(0, slash);
  const colon = authority.lastIndexOf(':');
  const hasPort = colon !== -1 && colon > authority.lastIndexOf(']');
  const hostname = hasPort ? authority.slice(0, colon) : authority;
  const port = hasPort
    ? authority.slice(colon + 1)
    : scheme === 'https'
      ? '443'
      : scheme === 'http'
        ? '80'
        : '';
  const path = request.path || '/';
  const q = path.indexOf('?');
  const method = normalizeMethod(request.method);
  const attributes: Attributes = {
    'http.request.method': method,
    'http.request.method_original': request.method,
    'url.full': `${scheme}://${authority}${path}`,
    'url.path': q === -1 ? path : path.slice(0, q),
    'url.query': q === -1 || q === path.length - 1 ? '' : path.slice(q),
    'url.scheme': scheme,
    'server.address': hostname,
  };
  if (port !== '' && !Number.isNaN(Number(port))) attributes['server.port'] = Number(port);
  const userAgent = headerValue(request.headers, 'user-agent');
  if (userAgent !== undefined) attributes['user_agent.original'] = userAgent;
  return attributes;
}

/** The last value of a header in undici's flat `[name, value, …]` array or raw header text. */
function headerValue(headers: UndiciRequest['headers'], name: string): string | undefined {
  let found: string | undefined;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const key = headers[i];
      if (typeof key === 'string' && key.length === name.length && key.toLowerCase() === name) {
        const value = headers[i + 1];
        found = Array.isArray(value) ? value[value.length - 1] : value;
      }
    }
  } else if (typeof headers === 'string') {
    for (const line of headers.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon !== -1 && line.slice(0, colon).toLowerCase() === name)
        found = line.slice(colon + 1).trim();
    }
  }
  return found;
}
