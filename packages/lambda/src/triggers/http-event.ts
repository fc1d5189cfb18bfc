// HTTP attributes (OpenTelemetry's stable names) from the four HTTP payloads Lambda receives:
// API Gateway REST (v1), HTTP API (v2), function URLs (v2 shape) and ALB.
import type { Attributes } from '@opentelemetry/api';
import type { TriggerKind } from './detect-trigger.ts';
import { headerOf, objectOf, textOf } from './event-fields.ts';

/** Request attributes of an HTTP event of `kind`. Pure; missing fields are left out. */
export function httpRequestAttributes(event: unknown, kind: TriggerKind): Attributes {
  const body = objectOf(event) ?? {};
  const request = objectOf(body.requestContext) ?? {};
  const headers = body.headers;
  const out: Attributes = {};
  const put = (key: string, value: string | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  if (kind === 'api-gateway-http' || kind === 'function-url') {
    const http = objectOf(request.http) ?? {};
    put('http.request.method', textOf(http.method));
    put('url.path', textOf(body.rawPath) ?? textOf(http.path));
    put('url.query', textOf(body.rawQueryString));
    put('client.address', textOf(http.sourceIp));
    put('user_agent.original', textOf(http.userAgent) ?? headerOf(headers, 'user-agent'));
    // `GET /orders/{id}`, or `$default` for catch-all routes and function URLs (no route then).
    const routeKey = textOf(body.routeKey) ?? textOf(request.routeKey);
    if (routeKey !== undefined && routeKey !== '$default')
      put('http.route', routeKey.slice(routeKey.indexOf(' ') + 1));
  } else {
    put('http.request.method', textOf(body.httpMethod));
    put('url.path', textOf(body.path) ?? textOf(request.path));
    put('url.query', queryOf(body.queryStringParameters));
    const forwarded = headerOf(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
    put('client.address', textOf(objectOf(request.identity)?.sourceIp) ?? forwarded);
    put('user_agent.original', headerOf(headers, 'user-agent'));
    if (kind === 'api-gateway-rest') put('http.route', textOf(body.resource));
  }
  put('url.scheme', headerOf(headers, 'x-forwarded-proto') ?? 'https');
  if (kind !== 'alb') put('aws.api_gateway.api_id', textOf(request.apiId));
  return out;
}

/**
 * The status code of an HTTP handler's result: its `statusCode`, else 200 where Lambda infers
 * one (HTTP API v2 and function URLs turn any other value into a 200 response). Pure.
 */
export function httpStatusOf(result: unknown, kind: TriggerKind): number | undefined {
  const status = objectOf(result)?.statusCode;
  if (typeof status === 'number' && Number.isInteger(status)) return status;
  if (typeof status === 'string' && /^\d{3}$/.test(status)) return Number(status);
  return kind === 'api-gateway-http' || kind === 'function-url' ? 200 : undefined;
}

function queryOf(parameters: unknown): string | undefined {
  const all = objectOf(parameters);
  if (all === undefined) return undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(all))
    if (typeof value === 'string') search.append(key, value);
  return search.size > 0 ? search.toString() : undefined;
}
