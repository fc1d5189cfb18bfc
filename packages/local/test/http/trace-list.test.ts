// POST /_local/TraceList against GetTraceSummaries read to the end: the same traces, the page the UI
// would cut from the whole set sorted by itself, the keys, newest IDs, pin and analytics columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationKeys } from '../../src/ui/lib/annotation-column.ts';
import { sortSummaries } from '../../src/ui/lib/trace-sort.ts';
import type { SortKey } from '../../src/ui/lib/trace-sort.ts';
import type { TraceSummary } from '../../src/ui/lib/wire-types.ts';
import { demoTrace, nowSeconds, segment, traceId } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const t0 = nowSeconds() - 600;
const PLAIN = 230;
const window = { StartTime: t0 - 60, EndTime: t0 + 600 };

interface ListAnswer {
  Total: number;
  TraceSummaries: TraceSummary[];
  AnnotationKeys: string[];
  Newest: string[];
  Pinned?: TraceSummary | null;
  Points?: {
    Id?: string[];
    StartTime: number[];
    ResponseTime: Array<number | null>;
    Fault: number[];
  };
}

async function list(body: Record<string, unknown>): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${s.xray.endpoint}/_local/TraceList`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...window, ...body }),
  });
  return { status: res.status, json: await res.json() };
}

async function ok(body: Record<string, unknown>): Promise<ListAnswer> {
  const res = await list(body);
  expect(res.status).toBe(200);
  return res.json as ListAnswer;
}

/** Every summary of the query through GetTraceSummaries, every page (newest first). */
async function everything(filter?: string): Promise<TraceSummary[]> {
  const all: TraceSummary[] = [];
  let token: string | undefined;
  do {
    const res = await fetch(`${s.xray.endpoint}/TraceSummaries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...window,
        ...(filter === undefined ? {} : { FilterExpression: filter }),
        ...(token === undefined ? {} : { NextToken: token }),
      }),
    });
    const page = (await res.json()) as { TraceSummaries: TraceSummary[]; NextToken?: string };
    all.push(...page.TraceSummaries);
    token = page.NextToken;
  } while (token !== undefined);
  return all;
}

const ids = (xs: ReadonlyArray<{ Id?: string }>): string[] => xs.map((x) => x.Id ?? '');

beforeAll(async () => {
  s = await startTestServer();
  const docs: unknown[] = [];
  for (let i = 0; i < PLAIN; i++) {
    const start = t0 + i * 2 + (i % 3) * 0.001;
    // Durations out of start order, some equal (ties fall back to newest first); statuses mixed.
    const duration = ((i * 37) % 50) / 100 + 0.01;
    const status = [200, 200, 200, 404, 429, 500][i % 6] ?? 200;
    docs.push(
      segment({
        trace: traceId(Math.floor(start)),
        name: 'catalog',
        start,
        end: start + duration,
        http: { request: { method: 'GET', url: `http://catalog/${i}` }, response: { status } },
        ...(status === 500 ? { fault: true } : status >= 400 ? { error: true } : {}),
        ...(status === 429 ? { throttle: true } : {}),
        ...(i % 10 === 0 ? { annotations: { page: i, [`k${i % 30}`]: true } } : {}),
      }),
    );
  }
  // Faults downstream only (the root answers 201): status sorting must still rank them as faults.
  for (let i = 0; i < 5; i++) docs.push(...demoTrace(t0 + 3 + i * 50, { fault: true }).documents);
  // One in progress: no response time.
  docs.push(segment({ trace: traceId(t0 + 7), name: 'slow', start: t0 + 7 }));
  for (let i = 0; i < docs.length; i += 50) await s.put(docs.slice(i, i + 50));
}, 60_000);
afterAll(() => s.close());

describe('POST /_local/TraceList', () => {
  describe('against GetTraceSummaries read to the end', () => {
    it('counts every matching trace and pages them newest first by default', async () => {
      const all = await everything();
      expect(all.length).toBe(PLAIN + 6);
      const first = await ok({});
      expect(first.Total).toBe(all.length);
      expect(ids(first.TraceSummaries)).toEqual(ids(all).slice(0, 100));
      const third = await ok({ Offset: 200, Limit: 100 });
      expect(ids(third.TraceSummaries)).toEqual(ids(all).slice(200));
      // The same summary as the API gives, field for field.
      expect(first.TraceSummaries[5]).toEqual(all[5]);
    });

    for (const key of ['time', 'duration', 'response', 'status'] as SortKey[]) {
      for (const dir of ['asc', 'desc'] as const) {
        it(`sorts by ${key} ${dir} as the UI sorts the whole set`, async () => {
          const want = ids(sortSummaries(await everything(), { key, dir }));
          const page1 = await ok({ Sort: `${key}.${dir}`, Limit: 120 });
          const page2 = await ok({ Sort: `${key}.${dir}`, Offset: 120, Limit: 120 });
          expect([...ids(page1.TraceSummaries), ...ids(page2.TraceSummaries)]).toEqual(want);
        });
      }
    }

    it('applies a filter expression as GetTraceSummaries does', async () => {
      for (const filter of ['responsetime > 0.3', 'fault', 'service("inventory") { fault }']) {
        const all = await everything(filter);
        const got = await ok({ FilterExpression: filter, Limit: 1000 });
        expect(got.Total, filter).toBe(all.length);
        expect(new Set(ids(got.TraceSummaries)), filter).toEqual(new Set(ids(all)));
      }
      const downstream = await ok({ FilterExpression: 'service("inventory") { fault }' });
      expect(downstream.Total).toBe(5);
    });

    it('lists the annotation keys of the whole set, not only the page', async () => {
      const all = await everything();
      const got = await ok({ Limit: 1 });
      expect(got.AnnotationKeys).toEqual(annotationKeys(all));
      expect(got.AnnotationKeys).toContain('k0');
      expect(got.AnnotationKeys).toContain('order_id');
    });

    it('returns the newest IDs whatever the sort', async () => {
      const all = await everything();
      const got = await ok({ Sort: 'duration.asc', Newest: 25, Limit: 1 });
      expect(got.Newest).toEqual(ids(all).slice(0, 25));
    });
  });

  describe('pin', () => {
    it('returns the pinned trace when it matches, off the page too, and null when not', async () => {
      const all = await everything();
      const last = all[all.length - 1];
      const pinned = await ok({ Pin: last?.Id?.toUpperCase(), Limit: 10 });
      expect(pinned.Pinned).toEqual(last);
      const outside = await ok({ Pin: last?.Id, FilterExpression: 'responsetime > 100' });
      expect(outside.Total).toBe(0);
      expect(outside.Pinned).toBeNull();
      expect((await ok({})).Pinned).toBeUndefined();
    });
  });

  describe('points', () => {
    it('gives start, response time and fault of every matching trace', async () => {
      const all = await everything();
      const got = await ok({ Points: true, Limit: 1 });
      const points = got.Points;
      if (points === undefined) throw new Error('no points');
      expect(points.StartTime.length).toBe(all.length);
      expect([...points.StartTime].sort()).toEqual(all.map((t) => t.StartTime).sort());
      const responses = all.map((t) => t.ResponseTime ?? null);
      const sortNum = (xs: Array<number | null>): Array<number | null> =>
        [...xs].sort((a, b) => (a ?? -1) - (b ?? -1));
      expect(sortNum(points.ResponseTime)).toEqual(sortNum(responses));
      expect(points.ResponseTime).toContain(null);
      const faults = all.filter((t) => t.HasFault === true || (t.FaultRootCauses?.length ?? 0) > 0);
      expect(points.Fault.reduce((a, b) => a + b, 0)).toBe(faults.length);
      expect(faults.length).toBeGreaterThan(5);
      expect((await ok({})).Points).toBeUndefined();
    });
  });

  describe('changed since', () => {
    it('gives the points of traces a document reached after ChangedSince, and Now', async () => {
      const before = await ok({ Points: true, Limit: 1 });
      const now = (before as { Now?: number }).Now ?? 0;
      expect(now).toBeGreaterThan(Date.now() - 60_000);
      expect(before.Points?.Id?.length).toBe(before.Total);
      const none = await ok({ Points: true, Limit: 1, ChangedSince: now });
      expect(none.Points?.Id).toEqual([]);
      expect(none.Total).toBe(before.Total);
      await new Promise((r) => setTimeout(r, 5));
      const late = segment({
        trace: traceId(t0 + 400),
        name: 'late',
        start: t0 + 400,
        end: t0 + 401,
      });
      await s.put([late]);
      const after = await ok({ Points: true, Limit: 1, ChangedSince: now });
      expect(after.Points?.Id).toEqual([late.trace_id]);
      expect(after.Points?.StartTime).toEqual([t0 + 400]);
      expect(after.Points?.ResponseTime).toEqual([1]);
      expect(after.Total).toBe(before.Total + 1);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ Sort: 'name.desc' }, 'Invalid Sort'],
      [{ Sort: 42 }, 'Member must be a string'],
      [{ Limit: 0 }, 'greater than or equal to 1'],
      [{ Limit: 5001 }, 'less than or equal to 5000'],
      [{ Offset: -1 }, 'greater than or equal to 0'],
      [{ Offset: 1.5 }, 'Member must be an integer'],
      [{ StartTime: window.EndTime }, 'EndTime must be after StartTime'],
      [{ FilterExpression: 'responsetime >' }, 'position'],
      [{ Pin: 'x'.repeat(36) }, 'less than or equal to 35'],
      [{ ChangedSince: -1 }, 'greater than or equal to 0'],
      [{ ChangedSince: 'yesterday' }, 'Member must be an integer'],
    ])('refuses %j with InvalidRequestException', async (body, message) => {
      const res = await list(body);
      expect(res.status).toBe(400);
      const err = res.json as { __type?: string; message?: string };
      expect(err.__type).toContain('InvalidRequestException');
      expect(err.message).toContain(message);
    });

    it('answers the same filter error as GetTraceSummaries', async () => {
      const bad = 'service("a") AND';
      const ours = (await list({ FilterExpression: bad })).json as { message: string };
      const api = await fetch(`${s.xray.endpoint}/TraceSummaries`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...window, FilterExpression: bad }),
      });
      expect(ours.message).toBe(((await api.json()) as { message: string }).message);
    });
  });
});
