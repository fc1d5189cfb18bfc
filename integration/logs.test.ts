// Logs linked to traces, with the real services: the lines each service writes on stdout while it
// handles an order carry that order's X-Ray trace ID; the same lines reach the local X-Ray as OTLP
// logs, where the harness reads them (toHaveLog, the tree diff) and the UI's trace view lists them.
import { existsSync } from 'node:fs';
import { describe, it, expect, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { registerMatchers, waitForTrace, type Trace } from '@otel-xray/testing';
import { SERVICE_NAMES, type LogLine } from '@otel-xray-services/kit/system';
import { useOrderSystem } from './support/order-system.ts';
import { placeOrder, type PlacedOrder } from './support/orders-api.ts';

registerMatchers();
const CHROMIUM = '/usr/bin/chromium';

describe('log lines of one order', () => {
  const ctx = useOrderSystem('logs');
  let placed: PlacedOrder;
  let trace: Trace;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('every line a service writes while handling the order carries its trace ID', async () => {
    placed = await placeOrder(ctx.system.ordersUrl, {
      customerId: 'c-logs',
      customerTier: 'gold',
      lines: [{ sku: 'sku-apple', qty: 1 }],
    });
    expect(placed.status).toBe(201);
    trace = await waitForTrace(placed.traceId, {
      xray: ctx.client,
      timeoutMs: 30_000,
      services: [...SERVICE_NAMES],
      logs: { services: [...SERVICE_NAMES] },
    });
    const orderId = placed.body.id;
    const hex = placed.traceId.slice(2).replace('-', '');
    const segments = new Set(trace.nodes.map((n) => n.id));
    for (const name of SERVICE_NAMES) {
      const lines: LogLine[] = ctx.system.services[name].logs.filter((l) => l.orderId === orderId);
      expect(lines.length, `${name} logged the order`).toBeGreaterThan(0);
      for (const line of lines) {
        const xray = String(line['AWS-XRAY-TRACE-ID']);
        expect(xray, `${name}: ${line.msg}`).toMatch(
          new RegExp(`^${placed.traceId}@[0-9a-f]{16}$`),
        );
        expect(line.trace_id).toBe(hex);
        // the segment ID after the @ is a segment or subsegment of this very trace
        expect(segments.has(xray.slice(xray.indexOf('@') + 1)), `${name}: ${line.msg}`).toBe(true);
      }
    }
  });

  it('the local X-Ray holds them by service, level and segment', () => {
    const orderId = placed.body.id;
    expect(trace).toHaveLog({ service: 'orders', level: 'info', message: 'order placed' });
    expect(trace).toHaveLog({ service: 'inventory', message: 'stock reserved' });
    expect(trace).toHaveLog({ service: 'audit', message: 'order audited' });
    expect(trace).toHaveLog({ service: 'shipping', message: /^shipment booked$/ });
    expect(trace).toHaveLog({
      service: 'orders',
      message: 'order shipped',
      attributes: { orderId },
    });
    const segments = new Set(trace.nodes.map((n) => n.id));
    for (const line of trace.logs ?? []) {
      expect(line.traceId).toBe(trace.id);
      expect(segments.has(line.segmentId ?? ''), `${line.service}: ${line.message}`).toBe(true);
    }
  });

  it('a failing tree matcher prints them under the diff', () => {
    let message = '';
    try {
      expect(trace).toHaveTraceTree({ service: 'orders', children: [{ service: 'billing' }] });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(/expected trace .* to have this tree/);
    expect(message).toMatch(/Log lines of [a-z, ]+ in this trace \(newest last\):/);
    for (const text of ['order placed', 'stock reserved', 'order audited', 'shipment booked'])
      expect(message).toContain(text);
  });

  it("the UI's trace view lists them (headless Chromium)", async () => {
    // npm test installs Debian's chromium; a missing one fails here rather than skipping
    expect(existsSync(CHROMIUM), `apt-get install chromium (${CHROMIUM})`).toBe(true);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    page.setDefaultTimeout(15_000);
    await page.goto(`${ctx.xray.endpoint}/#/traces/${trace.id}`);
    await page.locator('#trace-logs .log-line').first().waitFor();
    const shown = await page.locator('#trace-logs .log-text').allTextContents();
    expect(shown).toEqual((trace.logs ?? []).map((l) => l.message));
    const services = await page.locator('#trace-logs .log-service').allTextContents();
    expect(new Set(services)).toEqual(new Set(SERVICE_NAMES));
  }, 60_000);
});
