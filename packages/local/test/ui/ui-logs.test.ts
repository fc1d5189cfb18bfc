// The trace view's log lines in headless Chromium against a real local X-Ray: a known three-service
// trace through PutTraceSegments, its log lines through the OpenTelemetry SDK's OTLP exporter,
// then the logs pane, the click that selects a segment, the segment's own lines and the search
// are checked the way a user sees them. Screenshots go to .test-output/ui/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SeverityNumber } from '@opentelemetry/api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay, type LocalXRay } from '../../src/index.ts';
import { launchChromium, putSegments } from '../helpers/chromium.ts';
import { emitLogs } from '../helpers/logs.ts';
import { orderTrace, type OrderTrace } from './support/order-trace.ts';

const POLL = { timeout: 10_000, interval: 100 };
const OUT = fileURLToPath(new URL('../../../../.test-output/ui/', import.meta.url));

let xray: LocalXRay;
let browser: Browser;
let page: Page;
let trace: OrderTrace;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  xray = await startLocalXRay({ port: 0 });
  const t0 = Date.now() / 1000 - 5;
  trace = orderTrace(t0);
  await putSegments(xray.endpoint, trace.documents);
  const at = (s: number): number => Math.round((t0 + s) * 1000);
  const { traceId, ids } = trace;
  // sent out of order across three services: the pane must sort them by time
  await emitLogs(xray.endpoint, 'shipping', [
    {
      message: 'carrier ACME did not answer',
      severity: SeverityNumber.ERROR,
      severityText: 'error',
      attributes: { orderId: 'o-4711', carrier: 'ACME' },
      traceId,
      segmentId: ids.shipping,
      timeMs: at(0.2),
    },
  ]);
  await emitLogs(xray.endpoint, 'orders', [
    {
      message: 'order received',
      attributes: { orderId: 'o-4711' },
      traceId,
      segmentId: ids.orders,
      timeMs: at(0.001),
    },
    {
      message: 'order published',
      attributes: { orderId: 'o-4711' },
      traceId,
      segmentId: ids.publish,
      timeMs: at(0.05),
    },
  ]);
  await emitLogs(xray.endpoint, 'inventory', [
    {
      message: 'reserved stock',
      attributes: { orderId: 'o-4711', sku: 'SKU-42' },
      traceId,
      segmentId: ids.reserve,
      timeMs: at(0.08),
    },
    {
      message: 'low stock',
      severity: SeverityNumber.WARN,
      attributes: { sku: 'SKU-42' },
      traceId,
      segmentId: ids.inventory,
      timeMs: at(0.12),
    },
  ]);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${xray.endpoint}/#/traces/${traceId}`);
  await page.locator('#trace-logs .log-line').first().waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await xray?.stop();
});

const shownMessages = (): Promise<string[]> =>
  page.locator('#trace-logs .log-text').allTextContents();

describe('web UI: trace logs', () => {
  describe('logs pane', () => {
    it('lists the trace’s lines in time order with level, service and segment', async () => {
      await expect
        .poll(shownMessages, POLL)
        .toEqual([
          'order received',
          'order published',
          'reserved stock',
          'low stock',
          'carrier ACME did not answer',
        ]);
      await expect
        .poll(() => page.locator('#trace-logs .logs-title').textContent(), POLL)
        .toBe('Logs (5)');
      const last = page.locator('#trace-logs .log-line').last();
      expect(await last.getAttribute('data-service')).toBe('shipping');
      expect(await last.getAttribute('data-level')).toBe('error');
      expect(await last.locator('.log-segment').textContent()).toBe('shipping');
      expect(await last.locator('.log-attrs').textContent()).toBe('orderId=o-4711 carrier=ACME');
      const published = page.locator('#trace-logs .log-line').nth(1);
      // the segment column names the subsegment the line was written in
      expect(await published.locator('.log-segment').textContent()).toBe('SNS');
      await page.locator('#trace-card').screenshot({ path: `${OUT}trace-logs.png` });
    });

    it('selects a line’s segment in the waterfall when the line is clicked', async () => {
      await page.locator('#trace-logs .log-line', { hasText: 'reserved stock' }).click();
      await expect
        .poll(() => page.locator('#timeline .tl-row.selected').getAttribute('data-id'), POLL)
        .toBe(trace.ids.reserve);
      expect(page.url()).toContain(trace.ids.reserve);
      const highlighted = await page
        .locator('#trace-logs .log-line.in-segment .log-text')
        .allTextContents();
      expect(highlighted).toEqual(['reserved stock']);
    });
  });

  describe('segment detail', () => {
    it('shows the selected segment’s own lines', async () => {
      await page.locator(`.tl-row[data-id="${trace.ids.inventory}"]`).click();
      const section = page.locator('#detail section[data-section="Logs"]');
      await expect.poll(() => section.locator('h3').textContent(), POLL).toBe('Logs (1)');
      expect(await section.locator('.log-text').allTextContents()).toEqual(['low stock']);
      await page.locator(`.tl-row[data-id="${trace.ids.validate}"]`).click();
      await expect.poll(() => section.count(), POLL).toBe(0);
    });
  });

  describe('search', () => {
    it('filters within the trace’s lines by message or attribute, ignoring case', async () => {
      const search = page.locator('#trace-logs .logs-search');
      await search.fill('CARRIER');
      await expect.poll(shownMessages, POLL).toEqual(['carrier ACME did not answer']);
      expect(await page.locator('#trace-logs .logs-title').textContent()).toBe('Logs (1 of 5)');
      await search.fill('sku-42');
      await expect.poll(shownMessages, POLL).toEqual(['reserved stock', 'low stock']);
      await search.fill('nothing like it');
      await expect
        .poll(() => page.locator('#trace-logs .log-empty').textContent(), POLL)
        .toBe('No line matches.');
      await search.fill('');
      await expect.poll(shownMessages, POLL).toHaveLength(5);
    });

    it('keeps the search across live refreshes', async () => {
      const search = page.locator('#trace-logs .logs-search');
      await search.fill('stock');
      // the page polls every 3 s: the filter must survive a refresh
      await page.waitForTimeout(3500);
      expect(await shownMessages()).toEqual(['reserved stock', 'low stock']);
      await search.fill('');
    });
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
