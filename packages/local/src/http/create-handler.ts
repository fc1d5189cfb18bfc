import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidRequest, XRayError } from '../errors.ts';
import { samplingRoutes } from '../sampling/index.ts';
import { serveUi } from '../ui/serve-ui.ts';
import { BodyReservation, overBudget } from './body-reservation.ts';
import { MAX_BODY_BYTES, readBody } from './read-body.ts';
import type { RequestGuard } from './request-guard.ts';
import { sendError, sendJson, sendRaw } from './respond.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { graphRoutes } from './routes/graph-routes.ts';
import { groupRoutes } from './routes/group-routes.ts';
import { logsQuery } from './routes/logs-query.ts';
import { otlpLogsRoute } from './routes/otlp-logs-route.ts';
import { otlpRoute } from './routes/otlp-route.ts';
import { retrievalRoutes } from './routes/retrieval-routes.ts';
import { TraceRetrievals } from '../query/trace-retrievals.ts';
import { ResourcePolicies } from '../store/resource-policies.ts';
import { RawResponse } from './raw-response.ts';
import { traceRoutes } from './routes/trace-routes.ts';
import type { Route, ServerContext } from './server-context.ts';
import { throttledLog } from './throttled-log.ts';

/**
 * The HTTP request listener: every X-Ray operation is a POST to a fixed path (spec §5.2); GETs go
 * to the UI, then `/_local/stats` and `/_local/logs`. Every request first passes `guard` (Host, Origin, cross-site
 * Content-Type: 403); a body then holds its bytes in `ctx.budget` until answered (503 beyond
 * it). Never depends on signatures or region. Every failure is answered through `sendError`,
 * and the server keeps running.
 */
export function createHandler(
  ctx: ServerContext,
  guard: RequestGuard,
): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = new Map<string, Route>([
    ...traceRoutes(ctx),
    ...graphRoutes(ctx),
    ...groupRoutes(ctx),
    ...accountRoutes(ctx),
    ...retrievalRoutes(ctx, new ResourcePolicies(ctx.now), new TraceRetrievals(ctx.now)),
    ['/v1/traces', otlpRoute(ctx)],
    ['/v1/logs', otlpLogsRoute(ctx)],
  ]);
  for (const [path, handler] of samplingRoutes(ctx.sampling))
    routes.set(path, (body) => handler(body));
  const warn = throttledLog(ctx.log);
  return (req, res) => {
    ctx.stats.httpRequests++;
    const refusal = guard(req);
    if (refusal !== undefined) {
      req.resume();
      ctx.stats.httpErrors++;
      ctx.stats.httpRefused++;
      warn(refusal.key, refusal.line);
      sendError(res, refusal.error);
      return;
    }
    handle(ctx, routes, req, res).catch((error: unknown) => {
      ctx.stats.httpErrors++;
      if (error instanceof XRayError && error.code === 'ServiceUnavailableException') {
        ctx.stats.httpRefused++;
        warn('over-budget', `refused request bodies with 503: ${error.message}`);
      }
      sendError(res, error);
    });
  };
}

// OTLP bodies are protobuf or JSON of their own: the route decodes them.
const OTLP_PATHS = new Set(['/v1/traces', '/v1/logs']);

async function handle(
  ctx: ServerContext,
  routes: Map<string, Route>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (path === '/_local/stats')
      return sendJson(res, 200, {
        ...ctx.stats,
        queuedBytes: ctx.budget.used,
        tracesStored: ctx.store.size,
        tracesPendingAnalysis: ctx.index.pending,
        logRecords: ctx.logStore.size,
      });
    if (path === '/_local/logs') return sendJson(res, 200, await logsQuery(ctx, req.url ?? ''));
    if (serveUi(req, res)) return;
    throw new XRayError('UnknownOperationException', `No operation at GET ${path}`);
  }
  const route = req.method === 'POST' ? routes.get(path) : undefined;
  if (route === undefined) {
    req.resume();
    throw new XRayError('UnknownOperationException', `No operation at ${req.method ?? ''} ${path}`);
  }
  const raw = await readReserved(ctx, req, res);
  const body = OTLP_PATHS.has(path) ? {} : decodeJson(raw);
  const result = await route(body, { raw, headers: req.headers });
  if (result instanceof RawResponse) return sendRaw(res, result);
  sendJson(res, 200, result);
}

/** Reads the body while holding its bytes in the shared ingest budget until `res` closes. */
async function readReserved(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Buffer> {
  const reservation = new BodyReservation(ctx.budget);
  res.once('close', () => reservation.release());
  const declared = req.headers['content-length'];
  if (declared === undefined)
    return readBody(req, {
      reserve: (bytes) => reservation.take(bytes),
      refusal: () => overBudget(ctx.budget),
    });
  const bytes = Number(declared);
  if (Number.isSafeInteger(bytes) && bytes <= MAX_BODY_BYTES && !reservation.take(bytes)) {
    req.resume();
    throw overBudget(ctx.budget);
  }
  return readBody(req);
}

function decodeJson(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8').trim();
  if (text === '' || text === '""') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
