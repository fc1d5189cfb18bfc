import type { Attributes } from '@opentelemetry/api';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import forwardedParse from 'forwarded-parse';
import { parseHostHeader, type HostAndPort } from './host-header.ts';
import { normalizeMethod } from './http-method.ts';
import { redactQuery } from './query-redaction.ts';

/**
 * The attributes of a server span at the start of a request — the same keys and values the OTel
 * http instrumentation (stable conventions) gives, so translation yields the same `http` block:
 * method, scheme, `server.address`/`server.port` (Forwarded, X-Forwarded-Host, Host), peer address
 * and port, protocol version, user agent, `url.path`/`url.query` (signing parameters redacted) and
 * `client.address` (Forwarded, X-Forwarded-For, the socket). One object literal, no URL parsing for
 * origin-form targets.
 */
export function serverRequestAttributes(request: IncomingMessage): Attributes {
  const headers = request.headers;
  const socket = request.socket;
  const scheme = (socket as { encrypted?: boolean } | null)?.encrypted === true ? 'https' : 'http';
  const method = request.method;
  const normalized = normalizeMethod(method);
  const server = serverAddress(headers, scheme);
  const attributes: Attributes = {
    'http.request.method': normalized,
    'url.scheme': scheme,
    'server.address': server?.host,
    'network.peer.address': socket?.remoteAddress,
    'network.peer.port': socket?.remotePort,
    'network.protocol.version': request.httpVersion,
    'user_agent.original': headers['user-agent'],
  };
  setTarget(attributes, request.url ?? '/');
  const client = clientAddress(headers, socket?.remoteAddress);
  if (client !== undefined) attributes['client.address'] = client;
  if (server?.port !== undefined) attributes['server.port'] = Number(server.port);
  if (method !== undefined && method !== normalized)
    attributes['http.request.method_original'] = method;
  return attributes;
}

function setTarget(attributes: Attributes, target: string): void {
  let path = target;
  let query = '';
  if (target.charCodeAt(0) === 47 /* / */ && target.charCodeAt(1) !== 47) {
    const q = target.indexOf('?');
    if (q !== -1) {
      path = target.slice(0, q);
      query = target.slice(q + 1);
    }
    const hash = path.indexOf('#');
    if (hash !== -1) path = path.slice(0, hash);
  } else {
    // Absolute-form (proxies), `*` or `//x`: let URL decide, as the OTel instrumentation does.
    try {
      const url = new URL(target, 'http://localhost');
      path = url.pathname;
      query = url.search.slice(1);
    } catch {
      return;
    }
  }
  attributes['url.path'] = path;
  if (query !== '') attributes['url.query'] = redactQuery(query);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function forwarded(header: string): ReturnType<typeof forwardedParse> {
  try {
    return forwardedParse(header);
  } catch {
    return [];
  }
}

function serverAddress(headers: IncomingHttpHeaders, scheme: string): HostAndPort | undefined {
  const fwd = headers.forwarded;
  if (fwd !== undefined) {
    for (const entry of forwarded(fwd))
      if (entry.host) return parseHostHeader(entry.host, entry.proto);
  }
  const xHost = first(headers['x-forwarded-host']);
  if (typeof xHost === 'string' && xHost !== '')
    return parseHostHeader(xHost, first(headers['x-forwarded-proto']));
  const host = headers.host;
  if (typeof host === 'string' && host !== '') return parseHostHeader(host, scheme);
  return undefined;
}

function clientAddress(
  headers: IncomingHttpHeaders,
  remote: string | undefined,
): string | undefined {
  const fwd = headers.forwarded;
  if (fwd !== undefined) {
    for (const entry of forwarded(fwd)) if (entry.for) return withoutPort(entry.for);
  }
  const xff = first(headers['x-forwarded-for']);
  if (typeof xff === 'string' && xff !== '') {
    const comma = xff.indexOf(',');
    return withoutPort((comma === -1 ? xff : xff.slice(0, comma)).trim());
  }
  return remote === '' ? undefined : remote;
}

function withoutPort(address: string): string {
  try {
    const { hostname } = new URL(`http://${address}`);
    return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  } catch {
    return address;
  }
}
