// The web UI's HTTP entry: the local X-Ray server offers it every GET before answering 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { createUiAssets, defaultUiRoots } from './ui-assets.ts';

let assets: ReturnType<typeof createUiAssets> | undefined;

/**
 * Serves the UI: the page at `/` and `/ui/`, its modules, styles and the bundled graph layout
 * library under `/ui/…`. Returns true when it answered the request; false for anything else
 * (other methods, unknown paths), which the caller answers itself.
 *
 * @example
 * createServer((req, res) => {
 *   if (req.method === 'GET' && serveUi(req, res)) return;
 *   // … the X-Ray API routes
 * });
 */
export function serveUi(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let path: string;
  try {
    path = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return false;
  }
  assets ??= createUiAssets(defaultUiRoots());
  const asset = assets.get(path);
  if (asset === undefined) return false;
  const headers: Record<string, string | number> = {
    'Content-Type': asset.contentType,
    'Content-Length': Buffer.byteLength(asset.body),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (asset.contentType.startsWith('text/html')) {
    headers['Content-Security-Policy'] = contentSecurityPolicy(asset.body);
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : asset.body);
  return true;
}
