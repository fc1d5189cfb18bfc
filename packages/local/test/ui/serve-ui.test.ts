import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveUi } from '../../src/ui/serve-ui.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (serveUi(req, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not the UI');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const get = async (path: string, method = 'GET') => {
  const res = await fetch(`${base}${path}`, { method });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: await res.text(),
  };
};

describe('serveUi', () => {
  describe('the page', () => {
    it('serves index.html at / and /ui/', async () => {
      for (const path of ['/', '/ui', '/ui/', '/ui/index.html']) {
        const res = await get(path);
        expect(res.status).toBe(200);
        expect(res.type).toMatch(/^text\/html/);
        expect(res.body).toContain('<div id="service-map"');
      }
    });

    it('allows only same-origin resources and the inline import map by its hash', async () => {
      const res = await get('/');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(res.body).not.toMatch(/https?:\/\//);
    });

    it('serves the stylesheet', async () => {
      const res = await get('/ui/styles.css');
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/css/);
    });
  });

  describe('browser modules', () => {
    it('does not print Node’s experimental-feature notice for the type stripping (first strip in this process)', async () => {
      const emitWarning = vi.spyOn(process, 'emitWarning');
      let messages: string[];
      try {
        expect((await get('/ui/lib/status.ts')).status).toBe(200);
        process.emitWarning('an unrelated warning still goes through');
        messages = emitWarning.mock.calls.map((args) => String(args[0]));
      } finally {
        emitWarning.mockRestore();
      }
      expect(messages).toEqual(['an unrelated warning still goes through']);
    });

    it('serves TypeScript modules as JavaScript with the types stripped', async () => {
      const res = await get('/ui/lib/format.ts');
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/javascript/);
      const mod = (await import(
        `data:text/javascript;base64,${Buffer.from(res.body).toString('base64')}`
      )) as {
        formatDurationMs(s: number): string;
      };
      expect(mod.formatDurationMs(0.0123)).toBe('12.3 ms');
    });

    it('serves every module the page imports, and the graph layout library', async () => {
      const page = await get('/');
      const importMap = JSON.parse(
        /<script type="importmap">([\s\S]*?)<\/script>/.exec(page.body)![1]!,
      ) as {
        imports: Record<string, string>;
      };
      const queue = ['/ui/app/main.ts'];
      const seen = new Set<string>();
      while (queue.length > 0) {
        const path = queue.pop()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.type, path).toMatch(/^text\/javascript/);
        expect(res.body, path).not.toMatch(/^\s*import type/m);
        for (const [, spec] of res.body.matchAll(
          /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm,
        )) {
          const mapped = importMap.imports[spec!];
          queue.push(mapped ?? new URL(spec!, `${base}${path}`).pathname);
        }
      }
      expect(seen).toContain('/ui/vendor/dagre.esm.js');
      expect(seen).toContain('/ui/app/api.ts');
      expect(seen.size).toBeGreaterThan(15);
    });
  });

  describe('other requests', () => {
    it('leaves unknown paths, escapes and other files to the caller', async () => {
      for (const path of [
        '/TraceSummaries',
        '/ui/serve-ui.ts',
        '/ui/app/../serve-ui.ts',
        '/ui/lib/%2e%2e%2fserve-ui.ts',
        '/ui/lib/..%2f..%2fpackage.json',
        '/ui/vendor/..%2fpackage.json',
        '/ui/static/index.html',
        '/ui/lib/missing.ts',
        '/ui/app/main.d.ts',
      ]) {
        const res = await get(path);
        expect([path, res.status, res.body]).toEqual([path, 404, 'not the UI']);
      }
    });

    it('answers HEAD without a body and leaves POST to the caller', async () => {
      const head = await get('/ui/styles.css', 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(Number(head.headers.get('content-length'))).toBeGreaterThan(100);
      expect((await get('/', 'POST')).status).toBe(404);
    });
  });
});
