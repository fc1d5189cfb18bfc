// Analytics in headless Chromium against a real local X-Ray holding a few hundred traces of varied
// response times: the histogram of the list, a drag across it narrowing the filter, the list and
// the URL, a map node's and an edge's panel matching GetServiceGraph, and the time series.
// Screenshots go to .test-output/ui/.
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
import type { LocalXRay } from '../../src/index.ts';
import { formatDurationMs, groupThousands } from '../../src/ui/lib/format.ts';
import { formatRate, panelNumbers } from '../../src/ui/lib/percentiles.ts';
import type { Service, ServiceGraphResult } from '../../src/ui/lib/wire-types.ts';
import { orderTrace } from './support/order-trace.ts';
import { launchChromium, putSegments } from '../helpers/chromium.ts';

const POLL = { timeout: 15_000, interval: 100 };
const OUT = fileURLToPath(new URL('../../../../.test-output/ui/', import.meta.url));
/** One-segment `catalog` traces: a third fast (5–50 ms), a third medium, a third slow (≥ 1 s). */
const PLAIN = 300;
const TOTAL = PLAIN + 1;

let xray: LocalXRay;
let browser: Browser;
let page: Page;
/** Trace ID → response time (seconds) of every stored trace. */
const responseTimes = new Map<string, number>();
let faults = 0;
const pageErrors: string[] = [];

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${xray.endpoint}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const hash = (): Promise<string> => page.evaluate(() => decodeURIComponent(location.hash));
const count = (): Promise<string | null> => page.locator('#trace-count').textContent();

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  xray = await startLocalXRay({ port: 0 });
  const now = Date.now() / 1000;
  const plain: Array<Record<string, unknown>> = [];
  for (let i = 0; i < PLAIN; i++) {
    const start = now - 600 + i * 1.9;
    const spread = (i * 37) % 100;
    const took = [0.005 + spread * 0.00045, 0.2 + spread * 0.002, 1 + spread * 0.01][i % 3] ?? 0;
    const fault = i % 20 === 3;
    if (fault) faults++;
    const traceId = `1-${Math.floor(start).toString(16)}-${randomBytes(12).toString('hex')}`;
    responseTimes.set(traceId, took);
    plain.push({
      name: 'catalog',
      id: randomBytes(8).toString('hex'),
      trace_id: traceId,
      start_time: start,
      end_time: start + took,
      http: {
        request: { method: 'GET', url: `http://catalog.local/items/${i}` },
        response: { status: fault ? 500 : 200 },
      },
      ...(fault ? { fault: true } : {}),
    });
  }
  for (let i = 0; i < plain.length; i += 100)
    await putSegments(xray.endpoint, plain.slice(i, i + 100));
  const order = orderTrace(now - 30);
  responseTimes.set(order.traceId, 0.12);
  await putSegments(xray.endpoint, order.documents);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await xray?.stop();
});

/** GetServiceGraph over the page's default window (the last 15 minutes). */
async function serviceGraph(): Promise<Service[]> {
  const now = Date.now() / 1000;
  const graph = await post<ServiceGraphResult>('/ServiceGraph', {
    StartTime: now - 900,
    EndTime: now,
  });
  return graph.Services ?? [];
}

describe('web UI analytics', () => {
  describe('time series', () => {
    it('draws requests and faults of the listed traces over the window', async () => {
      await page.goto(`${xray.endpoint}/#/`);
      await expect.poll(count, POLL).toBe(`100 of ${TOTAL} traces`);
      const bars = page.locator('#time-series rect.requests');
      const sums = (): Promise<number[]> =>
        bars.evaluateAll((els) => [
          els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0),
          els.reduce((n, e) => n + Number(e.getAttribute('data-faults')), 0),
        ]);
      await expect.poll(sums, POLL).toEqual([TOTAL, faults + 1]);
      expect(await bars.count()).toBeGreaterThan(10);
      expect(await page.locator('#time-series rect.faults').count()).toBeGreaterThan(0);
    });
  });

  describe('response-time histogram', () => {
    it('bins every listed trace', async () => {
      const bars = page.locator('#histogram rect.bar');
      const total = (): Promise<number> =>
        bars.evaluateAll((els) =>
          els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0),
        );
      await expect.poll(total, POLL).toBe(TOTAL);
      expect(await bars.count()).toBe(40);
      await page.locator('#analytics-card').screenshot({ path: `${OUT}analytics.png` });
    });

    it('narrows the filter, the URL and the list to a dragged range', async () => {
      const box = await page.locator('#histogram svg').boundingBox();
      if (box === null) throw new Error('histogram not drawn');
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + 2, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.02, y, { steps: 5 });
      await page.mouse.move(box.x + box.width * 0.04, y, { steps: 5 });
      await page.mouse.up();
      await expect.poll(hash, POLL).toMatch(/filter=responsetime >= [\d.]+ AND responsetime <= /);
      const [, from, to] =
        /responsetime >= ([\d.]+) AND responsetime <= ([\d.]+)/.exec(await hash()) ?? [];
      expect(await page.locator('#filter').inputValue()).toBe(
        `responsetime >= ${from} AND responsetime <= ${to}`,
      );
      const inside = [...responseTimes].filter(([, t]) => t >= Number(from) && t <= Number(to));
      // Bins 0–1 of 40 over 5 ms … 2 s: the fast third (5–50 ms), not the 120 ms order trace.
      expect(inside.length).toBe(PLAIN / 3);
      await expect.poll(count, POLL).toBe(`${inside.length} traces`);
      const listed = await page
        .locator('#trace-list tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trace-id') ?? ''));
      expect(new Set(listed)).toEqual(new Set(inside.map(([id]) => id)));
      const bars = page.locator('#histogram rect.bar');
      await expect
        .poll(
          () =>
            bars.evaluateAll((els) =>
              els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0),
            ),
          POLL,
        )
        .toBe(inside.length);
      await page.screenshot({ path: `${OUT}analytics-drag.png`, fullPage: true });
    });

    it('replaces the range on a second drag, and back restores the whole list', async () => {
      const box = await page.locator('#histogram svg').boundingBox();
      if (box === null) throw new Error('histogram not drawn');
      await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
      // One bin of the fast third's: the range is replaced, not appended.
      await expect.poll(async () => (await hash()).split('responsetime >=').length, POLL).toBe(2);
      await expect.poll(count, POLL).not.toBe(`${PLAIN / 3} traces`);
      await page.goBack();
      await page.goBack();
      await expect.poll(count, POLL).toBe(`100 of ${TOTAL} traces`);
    });
  });

  describe('map panel', () => {
    it('opens a node’s panel with GetServiceGraph’s numbers', async () => {
      await page.locator('.map-node[data-name="catalog"][data-kind="service"]').click();
      const panel = page.locator('#map-panel');
      await expect.poll(() => panel.isVisible(), POLL).toBe(true);
      expect(await panel.locator('h3').textContent()).toBe('catalog');
      const node = (await serviceGraph()).find((s) => s.Name === 'catalog' && s.Type !== 'client');
      const n = panelNumbers(node?.SummaryStatistics, node?.ResponseTimeHistogram);
      expect(n.requests).toBe(PLAIN);
      const stat = (key: string): Promise<string | null> =>
        panel.locator(`dd[data-stat="${key}"]`).textContent();
      expect(await stat('requests')).toBe(groupThousands(n.requests));
      expect(await stat('fault')).toBe(formatRate(n.faultRate));
      expect(await stat('error')).toBe(formatRate(n.errorRate));
      expect(await stat('p50')).toBe(formatDurationMs(n.p50));
      expect(await stat('p90')).toBe(formatDurationMs(n.p90));
      expect(await stat('p99')).toBe(formatDurationMs(n.p99));
      expect(await panel.locator('.panel-hist rect.bar').count()).toBeGreaterThan(1);
      await page.locator('#map-card').screenshot({ path: `${OUT}map-panel.png` });
    });

    it('opens an edge’s panel, and its button filters the list to the edge', async () => {
      await page
        .locator('.map-edge[data-from="orders"][data-to="SNS"] path.hit')
        .click({ force: true });
      const panel = page.locator('#map-panel');
      await expect.poll(() => panel.locator('h3').textContent(), POLL).toBe('orders → SNS');
      const services = await serviceGraph();
      const from = services.find((s) => s.Name === 'orders' && s.Type !== 'client');
      const to = services.find((s) => s.Name === 'SNS'); // the inferred topic, named as X-Ray names it
      const edge = from?.Edges?.find((e) => e.ReferenceId === to?.ReferenceId);
      const n = panelNumbers(edge?.SummaryStatistics, edge?.ResponseTimeHistogram);
      expect(await panel.locator('dd[data-stat="requests"]').textContent()).toBe('1');
      expect(await panel.locator('dd[data-stat="p99"]').textContent()).toBe(
        formatDurationMs(n.p99),
      );
      await panel.locator('button.filter-traces').click();
      await expect.poll(hash, POLL).toBe('#/?filter=edge("orders", "SNS")');
      await expect.poll(count, POLL).toBe('1 trace');
      await panel.locator('button.close').click();
      expect(await panel.isVisible()).toBe(false);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('map zoom, pan and fit', () => {
    const svg = (): ReturnType<Page['locator']> => page.locator('#service-map svg');
    const zoom = async (): Promise<number> => Number(await svg().getAttribute('data-zoom'));
    const viewBox = async (): Promise<number[]> =>
      ((await svg().getAttribute('viewBox')) ?? '').split(' ').map(Number);

    it('zooms about the cursor with the wheel, pans by drag, and fits again', async () => {
      expect(await zoom()).toBe(1);
      const box = await svg().boundingBox();
      if (box === null) throw new Error('map not drawn');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -300);
      await expect.poll(zoom, POLL).toBeGreaterThan(1.5);
      const before = await viewBox();
      // Drag from empty space between the two rows of the map.
      await page.mouse.move(box.x + 10, box.y + box.height * 0.45);
      await page.mouse.down();
      await page.mouse.move(box.x + 110, box.y + box.height * 0.45 + 20, { steps: 5 });
      await page.mouse.up();
      const after = await viewBox();
      expect(after[0]).toBeLessThan(before[0] ?? 0);
      expect(after[1]).toBeLessThan(before[1] ?? 0);
      expect(after[2]).toBe(before[2]);
      await page.locator('#map-card').screenshot({ path: `${OUT}map-zoomed.png` });
      // The next poll leaves the user's view as it is.
      await page.waitForTimeout(3500);
      expect(await viewBox()).toEqual(after);
      await page.locator('#service-map button.fit').click();
      expect(await zoom()).toBe(1);
      await page.locator('#service-map button.zoom-in').click();
      expect(await zoom()).toBe(1.25);
      await page.locator('#service-map button.zoom-out').click();
      expect(await zoom()).toBe(1);
    });

    it('still opens a node’s panel with a click when zoomed', async () => {
      await page.locator('#service-map button.zoom-in').click();
      await page.locator('.map-node[data-name="orders"][data-kind="service"]').click();
      await expect.poll(() => page.locator('#map-panel h3').textContent(), POLL).toBe('orders');
      expect(pageErrors).toEqual([]);
    });
  });
});
