import type { Attributes } from '@opentelemetry/api';
import type { ClientRequest } from 'node:http';
import { parseHostHeader } from './host-header.ts';
import { normalizeMethod } from './http-method.ts';
import { redactQuery } from './query-redaction.ts';

/**
 * The attributes of an http client span, read from the `ClientRequest` as Node built it (host,
 * path, protocol; the port from the Host header Node set, else the agent's default) — the keys and
 * values the OTel http instrumentation gives: method, `server.address`, `server.port`, `url.full`
 * (signing query parameters redacted) and the user agent.
 */
export function clientRequestAttributes(request: ClientRequest): Attributes {
  const protocol = request.protocol || 'http:';
  const host = request.host || 'localhost';
  const hostHeader = request.getHeader('host');
  const defaultPort = (request as { agent?: { defaultPort?: number } }).agent?.defaultPort;
  let port: string | undefined;
  if (typeof hostHeader === 'string') port = parseHostHeader(hostHeader).port;
  port ??= String(defaultPort ?? (protocol === 'https:' ? 443 : 80));
  const method = request.method;
  const normalized = normalizeMethod(method);
  const attributes: Attributes = {
    'http.request.method': normalized,
    'server.address': host,
    'server.port': Number(port),
    'url.full': fullUrl(protocol, host, port, request.path || '/'),
    'user_agent.original': userAgent(request.getHeader('user-agent')),
  };
  if (method !== normalized) attributes['http.request.method_original'] = method;
  return attributes;
}

function userAgent(value: string | number | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function fullUrl(protocol: string, host: string, port: string, path: string): string {
  // The OTel rule: no port for 80/443, nor when the host already holds a colon.
  const authority =
    !host.includes(':') && port !== '80' && port !== '443' ? `${host}:${port}` : host;
  const q = path.indexOf('?');
  if (q !== -1) path = path.slice(0, q + 1) + redactQuery(path.slice(q + 1));
  return `${protocol}//${authority}${path}`;
}
