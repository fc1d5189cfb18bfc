// The checks every request passes before routing, so that a web page on another origin can
// neither read nor change what the local X-Ray holds (see README "Security: same-origin only").
import type { IncomingHttpHeaders } from 'node:http';
import { XRayError } from '../errors.ts';
import { hostAllowList, parseHostHeader, type HostAllowListOptions } from './allowed-hosts.ts';
import { isBrowserSimpleType, mediaTypeEssence } from './media-type.ts';
import { isOwnOrigin } from './same-origin.ts';

/** What the guard reads of a request. */
export interface GuardedRequest {
  method?: string | undefined;
  url?: string | undefined;
  httpVersion: string;
  headers: IncomingHttpHeaders;
}

/** A refused request: the 403 to send and one log line (values quoted, never raw). */
export interface Refusal {
  error: XRayError;
  /** `refused POST /SamplingRules: reason; Host "…" Origin "…" Content-Type "…"`. */
  line: string;
  /** Groups repeats of the same refusal for throttled logging. */
  key: string;
}

/** Checks one request; undefined when it may proceed. */
export type RequestGuard = (req: GuardedRequest) => Refusal | undefined;

const addHost = (name: string): string =>
  `start it with --allowed-host ${name} (repeatable) or set OTEL_XRAY_LOCAL_ALLOWED_HOSTS=${name} (comma-separated)`;

/**
 * Builds the guard. In order: the `Host` must be allowed ({@link hostAllowList}; only an
 * HTTP/1.0 request may omit it); an `Origin`, when present, must be the server's own
 * (`http://` + Host; `null` is foreign); a write (any method but GET/HEAD) must not carry a
 * Content-Type a browser sends cross-site without a preflight. Each refusal is a 403
 * `AccessDeniedException` sent with `Connection: close`.
 */
export function requestGuard(options: HostAllowListOptions): RequestGuard {
  const allowed = hostAllowList(options);
  return (req) => {
    const method = req.method ?? '';
    const hostHeader = req.headers.host;
    const host = parseHostHeader(hostHeader);
    const origin = req.headers.origin;
    const essence = mediaTypeEssence(req.headers['content-type']);
    const refuse = (reason: string, message: string): Refusal => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const seen = `Host ${quote(hostHeader)} Origin ${quote(origin)} Content-Type ${quote(essence)}`;
      return {
        error: new XRayError('AccessDeniedException', message, {}, { Connection: 'close' }),
        line: `refused ${method} ${quote(path)}: ${reason}; ${seen}`,
        key: `${reason}|${seen}`,
      };
    };
    if (hostHeader === undefined ? req.httpVersion !== '1.0' : host === undefined)
      return refuse('malformed or missing Host', `Malformed or missing Host header`);
    if (host !== undefined && !allowed(host.hostname))
      return refuse(
        'Host not allowed',
        `Host '${host.hostname}' is not allowed: this server answers loopback addresses, localhost ` +
          `and its --host only (DNS-rebinding protection). To allow it, ${addHost(host.hostname)}.`,
      );
    if (origin !== undefined && (host === undefined || !isOwnOrigin(origin, host)))
      return refuse(
        'cross-origin request',
        `Cross-origin request refused: Origin ${quote(origin)} is not this server's origin` +
          `${host === undefined ? '' : ` http://${hostHeader?.trim().toLowerCase() ?? ''}`}. ` +
          'Only the local X-Ray UI and non-browser clients may call this API.',
      );
    if (method !== 'GET' && method !== 'HEAD' && isBrowserSimpleType(essence))
      return refuse(
        'cross-site content type on a write',
        `Content-Type ${essence ?? ''} is refused for writes: browsers send it cross-site without ` +
          'a preflight. Send Content-Type: application/json (X-Ray API, OTLP/JSON) or ' +
          "application/x-protobuf (OTLP); with curl -d add -H 'Content-Type: application/json'.",
      );
    return undefined;
  };
}

/** A header value for a log line or message: JSON-quoted (no control characters), at most 100 characters. */
function quote(value: string | string[] | undefined): string {
  if (value === undefined) return '-';
  const text = Array.isArray(value) ? value.join(', ') : value;
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}
