// The `http` block (spec/translation.md §4).
import type { HttpBlock } from '../../segment-document.ts';
import type { TranslatableAttributes, TranslatableEvent } from '../translatable-span.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { slot } from './attribute-scan.ts';
import * as S from './attribute-slots.ts';
import { int, str } from './attribute-values.ts';
import { KIND_SERVER } from './constants.ts';
import { capString, MAX_STRING } from './limits.ts';

/**
 * The `http` block's fields, undefined where omitted. One object literal with every field, so
 * every plan has the same hidden class: blocks built key by key get a class per combination of
 * keys, which a full GC frees once no block is alive, taking the optimized code that expects it
 * with it (V8 deoptimizes it: "embedded weak objects cleared").
 */
export interface HttpPlan {
  xForwardedFor: true | undefined;
  method: string | undefined;
  url: string | undefined;
  userAgent: string | undefined;
  clientIp: string | undefined;
  status: number | undefined;
  contentLength: number;
}

/** The `http` block's plan, or undefined when no attribute marks the span as HTTP. */
export function makeHttp(
  s: AttributeScan,
  kind: number,
  events: readonly TranslatableEvent[],
): HttpPlan | undefined {
  if (!s.hasHttp) return undefined;
  let url: string | undefined;
  if (s.hasUrlParts) {
    const full = kind === KIND_SERVER ? serverUrl(s) : clientUrl(s);
    if (full !== '') url = capString(full, MAX_STRING);
  }
  return {
    xForwardedFor: s.clientIp !== undefined && !s.hasPeerAddress ? true : undefined,
    method: s.method !== '' ? capString(s.method, MAX_STRING) : undefined,
    url,
    userAgent: s.userAgent !== '' ? capString(s.userAgent, MAX_STRING) : undefined,
    clientIp: s.clientIp !== undefined ? capString(s.clientIp, MAX_STRING) : undefined,
    status: s.status,
    contentLength: contentLength(s, events),
  };
}

/** The `http` block of a plan, fields in the collector's order, omitted ones absent. */
export function httpObject(plan: HttpPlan): HttpBlock {
  const request: NonNullable<HttpBlock['request']> = {};
  if (plan.xForwardedFor !== undefined) request.x_forwarded_for = plan.xForwardedFor;
  if (plan.method !== undefined) request.method = plan.method;
  if (plan.url !== undefined) request.url = plan.url;
  if (plan.userAgent !== undefined) request.user_agent = plan.userAgent;
  if (plan.clientIp !== undefined) request.client_ip = plan.clientIp;
  const response: NonNullable<HttpBlock['response']> = {};
  if (plan.status !== undefined) response.status = plan.status;
  response.content_length = plan.contentLength;
  return { request, response };
}

function withPort(scheme: string, host: string, port: string): string {
  let url = `${scheme}://${host}`;
  if (
    port !== '' &&
    !(scheme === 'http' && port === '80') &&
    !(scheme === 'https' && port === '443')
  )
    url += `:${port}`;
  return url;
}

function withPath(url: string, s: AttributeScan): string {
  if (s.target !== undefined) return url + s.target;
  url += s.urlPath ?? '/';
  if (s.urlQuery !== undefined) url += s.urlQuery.startsWith('?') ? s.urlQuery : `?${s.urlQuery}`;
  return url;
}

function serverUrl(s: AttributeScan): string {
  if (s.url !== undefined) return s.url;
  const scheme = s.scheme ?? 'http';
  let host = s.httpHost;
  let port = '';
  if (host === undefined) {
    host = s.serverName ?? s.netHostName ?? s.hostName ?? s.serverAddress ?? '';
    port = s.netHostPort ?? s.serverPort ?? '';
  }
  return withPath(withPort(scheme, host, port), s);
}

function clientUrl(s: AttributeScan): string {
  if (s.url !== undefined) return s.url;
  const scheme = s.scheme ?? 'http';
  let host = s.httpHost;
  let port = '';
  if (host === undefined) {
    host = s.netPeerName ?? s.netPeerIp ?? s.serverAddress ?? '';
    // server.port is not used for client URLs (the collector reads network.peer.port only behind a gate).
    port = s.netPeerPort ?? '';
  }
  return withPath(withPort(scheme, host, port), s);
}

function sizeFrom(attrs: TranslatableAttributes | undefined): number {
  if (attrs === undefined || str(attrs['message.type']) !== 'RECEIVED') return 0;
  return int(attrs['messaging.message_payload_size_bytes']);
}

/**
 * `response.content_length`: the RECEIVED-message payload size from the span or its events (collector);
 * extension: else `http.response.body.size` / `http.response_content_length`; else 0 (always written).
 */
function contentLength(s: AttributeScan, events: readonly TranslatableEvent[]): number {
  let size = str(slot(s, S.MESSAGE_TYPE)) === 'RECEIVED' ? int(slot(s, S.MESSAGE_PAYLOAD_SIZE)) : 0;
  for (let i = 0; size === 0 && i < events.length; i++) size = sizeFrom(events[i]?.attributes);
  if (size === 0) size = int(slot(s, S.HTTP_RESPONSE_BODY_SIZE));
  if (size === 0) size = int(slot(s, S.HTTP_RESPONSE_CONTENT_LENGTH));
  return size;
}
