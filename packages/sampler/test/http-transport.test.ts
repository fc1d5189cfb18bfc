import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSamplingTransport } from '../src/index.ts';

/** A synchronous context manager: enough to observe the context the request is made in. */
class StackContextManager implements ContextManager {
  #current: Context = ROOT_CONTEXT;
  active(): Context {
    return this.#current;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const previous = this.#current;
    this.#current = ctx;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.#current = previous;
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    return this;
  }
}

let server: Server;
let endpoint: string;
const seen: { path: string; body: string; contentType: string | undefined }[] = [];

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((body) => {
      seen.push({ path: req.url ?? '', body, contentType: req.headers['content-type'] });
      if (req.url === '/SamplingTargets') {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"__type":"InvalidRequestException"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"SamplingRuleRecords":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('httpSamplingTransport', () => {
  describe('getSamplingRules', () => {
    it('POSTs unsigned JSON to /GetSamplingRules', async () => {
      const out = await httpSamplingTransport(endpoint).getSamplingRules({});
      expect(out).toEqual({ SamplingRuleRecords: [] });
      expect(seen.at(-1)).toEqual({
        path: '/GetSamplingRules',
        body: '{}',
        contentType: 'application/json',
      });
    });

    it('makes its request with tracing suppressed', async () => {
      const manager = new StackContextManager();
      context.setGlobalContextManager(manager);
      let suppressed: boolean | undefined;
      // fires synchronously inside http.request, in the caller's context
      const onStart = (): void => void (suppressed = isTracingSuppressed(context.active()));
      subscribe('http.client.request.created', onStart);
      await httpSamplingTransport(endpoint).getSamplingRules({});
      unsubscribe('http.client.request.created', onStart);
      context.disable();
      expect(suppressed).toBe(true);
    });
  });

  describe('getSamplingTargets', () => {
    it('rejects with the status on an error response', async () => {
      await expect(
        httpSamplingTransport(endpoint).getSamplingTargets({ SamplingStatisticsDocuments: [] }),
      ).rejects.toThrow(/POST \/SamplingTargets: HTTP 400/);
    });

    it('rejects when nothing listens', async () => {
      await expect(
        httpSamplingTransport('http://127.0.0.1:9', { timeoutMs: 2000 }).getSamplingRules({}),
      ).rejects.toThrow();
    });
  });
});
