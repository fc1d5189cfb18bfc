// Lean vs OTel instrumentation on the same traffic: the fixture app runs once with
// OTEL_XRAY_INSTRUMENTATION=lean and once with =otel (real processes, X-Ray segment documents over
// UDP), and the documents must be the same apart from ids, timings and the client's ephemeral port.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startFixture, type Doc } from './support/fixture-run.ts';

const packageDir = join(import.meta.dirname, '../..');
const app = join(packageDir, 'test/fixtures/equivalence-app.ts');
const ROOT = '1-67e6a3c1-5a4b3c2d1e0f9a8b7c6d5e4f';
const TRAFFIC = [
  '/http',
  '/http?status=404',
  '/fetch',
  '/fetch?status=500',
  '/post',
  '/throw',
  '/refused',
  '/fetch-refused',
];

async function run(mode: 'lean' | 'otel', front: number, back: number): Promise<Doc[]> {
  const fixture = await startFixture(app, mode, {
    OTEL_SERVICE_NAME: 'equivalence',
    FRONT_PORT: String(front),
    BACK_PORT: String(back),
  });
  for (const [i, path] of TRAFFIC.entries()) {
    const res = await fetch(`http://127.0.0.1:${front}${path}`, {
      headers: { 'x-amzn-trace-id': `Root=${ROOT};Parent=53995c3f42cd8a8${i};Sampled=1` },
    });
    await res.text();
  }
  await fixture.stop(300);
  return fixture.docs;
}

/** A document without what differs between two runs of the same traffic. */
function normalize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v));
    return key === 'subsegments' || key === 'exceptions' ? items.sort(byJson) : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value as Doc).sort(([a], [b]) => a.localeCompare(b))) {
    if (['id', 'parent_id', 'start_time', 'end_time', 'stack', 'working_directory'].includes(k))
      continue;
    if (k === 'network.peer.port' || k === 'pid') continue;
    out[k] = normalize(v, k);
  }
  return out;
}

function byJson(a: unknown, b: unknown): number {
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

describe('lean instrumentation', () => {
  describe('equivalence with the OTel instrumentation', () => {
    it('gives the same segment documents on the same traffic', { timeout: 60_000 }, async () => {
      const front = await freePort();
      const back = await freePort();
      const lean = (await run('lean', front, back)).map((d) => normalize(d)).sort(byJson);
      const otel = (await run('otel', front, back)).map((d) => normalize(d)).sort(byJson);
      // Front + back segments for each request that reaches the back service.
      expect(lean.length).toBeGreaterThanOrEqual(TRAFFIC.length + 5);
      if (process.env.DUMP_DOCS) console.log(JSON.stringify(lean, null, 1));
      expect(lean).toEqual(otel);
    });
  });
});
