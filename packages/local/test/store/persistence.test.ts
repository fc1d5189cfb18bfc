import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchGetTracesCommand, GetGroupCommand, CreateGroupCommand } from '@aws-sdk/client-xray';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, startLocalXRay } from '../../src/index.ts';
import { demoTrace, nowSeconds, segment, traceId } from '../helpers/documents.ts';
import { startTestServer } from '../helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'otel-xray-local-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence (--data)', () => {
  describe('restart', () => {
    it('keeps every acknowledged document and group across a restart', async () => {
      const file = join(dir, 'xray.db');
      const { trace, documents } = demoTrace();
      const first = await startTestServer({ data: file });
      await first.put(documents);
      await first.client.send(
        new CreateGroupCommand({ GroupName: 'kept', FilterExpression: 'fault' }),
      );
      await first.close();

      const second = await startTestServer({ data: file });
      const out = await second.client.send(new BatchGetTracesCommand({ TraceIds: [trace] }));
      expect(
        out.Traces?.[0]?.Segments?.map((s) => JSON.parse(s.Document ?? '{}').name).sort(),
      ).toEqual(['SNS', 'SQS', 'inventory', 'orders', 'shipping']);
      const group = await second.client.send(new GetGroupCommand({ GroupName: 'kept' }));
      expect(group.Group?.FilterExpression).toBe('fault');
      await second.close();
    });

    it('does not bring evicted traces back', async () => {
      const file = join(dir, 'evict.db');
      const first = await startTestServer({ data: file, maxTraces: 1 });
      const a = traceId();
      const b = traceId();
      await first.put([
        segment({ trace: a, name: 'a', start: nowSeconds(), end: nowSeconds() + 1 }),
      ]);
      await first.put([
        segment({ trace: b, name: 'b', start: nowSeconds(), end: nowSeconds() + 1 }),
      ]);
      expect(first.xray.stats().tracesEvicted).toBe(1);
      await first.close();
      const second = await startTestServer({ data: file, maxTraces: 10 });
      const out = await second.client.send(new BatchGetTracesCommand({ TraceIds: [a, b] }));
      expect(out.UnprocessedTraceIds).toEqual([a]);
      await second.close();
    });
  });

  describe('one writer per file', () => {
    it('rejects a second startLocalXRay on the same file with a DataFileError', async () => {
      const file = join(dir, 'one.db');
      const first = await startTestServer({ data: file });
      const error: unknown = await startLocalXRay({ port: 0, data: file }).then(
        async (x) => (await x.stop(), undefined),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataFileError);
      expect(error).toMatchObject({ code: 'in-use', file });
      expect((error as Error).message).toContain(`(pid ${process.pid}, started `);
      await first.close();
    });

    it('releases the file when the start fails on a busy port', async () => {
      const file = join(dir, 'port.db');
      const busy = await startTestServer();
      const refused = startLocalXRay({ port: busy.xray.port, data: file });
      await expect(refused).rejects.toThrow(/EADDRINUSE/);
      const next = await startTestServer({ data: file });
      await next.close();
      await busy.close();
    });
  });
});
