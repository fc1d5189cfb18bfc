import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
import { demoTrace } from '../helpers/documents.ts';

const dir = mkdtempSync(join(tmpdir(), 'otel-xray-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence under concurrent writes', () => {
  describe('200 concurrent PutTraceSegments on a --data file', () => {
    it('answers every call with 200 and keeps every document across a restart', async () => {
      const file = join(dir, 'concurrent.db');
      const xray = await startLocalXRay({ port: 0, data: file });
      const calls = Array.from({ length: 200 }, () =>
        fetch(`${xray.endpoint}/TraceSegments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            TraceSegmentDocuments: demoTrace().documents.map((d) => JSON.stringify(d)),
          }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown })),
      );
      const answers = await Promise.all(calls);
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(
        answers.every((a) => JSON.stringify(a.body) === '{"UnprocessedTraceSegments":[]}'),
      ).toBe(true);
      expect(xray.stats().documentsAccepted).toBe(600);
      await xray.stop();
      const again = await startLocalXRay({ port: 0, data: file });
      expect(again.stats().tracesStored).toBe(200);
      await again.stop();
    });
  });
});
