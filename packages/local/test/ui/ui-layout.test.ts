// The page's width in headless Chromium at 900 px and 1,600 px (issue 16: at 900 px the map
// scrolled sideways; a long stack path widened the page to 1,878 px in a 1,600 px window): with a
// fault whose stack holds a 300-character path and a long label, a long URL in the list and the
// segment selected, nothing is wider than the window, in light and dark mode. Screenshots go to
// .test-output/ui/.
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
import type { LocalXRay } from '../../src/index.ts';
import { launchChromium, putSegments } from '../helpers/chromium.ts';
import { orderTrace } from './support/order-trace.ts';
import type { OrderTrace } from './support/order-trace.ts';

const POLL = { timeout: 15_000, interval: 100 };
const OUT = fileURLToPath(new URL('../../../../.test-output/ui/', import.meta.url));
const LONG_PATH = `file:///srv/${'very-long-directory-name/'.repeat(12)}stock.ts`;

let xray: LocalXRay;
let browser: Browser;
let order: OrderTrace;
const wide = { traceId: '', segmentId: randomBytes(8).toString('hex') };
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  xray = await startLocalXRay({ port: 0 });
  const now = Date.now() / 1000;
  order = orderTrace(now - 20);
  wide.traceId = `1-${Math.floor(now - 10).toString(16)}-${randomBytes(12).toString('hex')}`;
  await putSegments(xray.endpoint, [
    ...order.documents,
    {
      name: 'inventory-service-with-a-rather-long-name',
      id: wide.segmentId,
      trace_id: wide.traceId,
      start_time: now - 10,
      end_time: now - 9.5,
      fault: true,
      http: {
        request: { method: 'POST', url: `http://inventory.local/${'segment/'.repeat(25)}reserve` },
        response: { status: 500 },
      },
      cause: {
        exceptions: [
          {
            id: randomBytes(8).toString('hex'),
            type: 'StockValidationError',
            message: `stock check failed: ${'no-space-token-'.repeat(20)}`,
            stack: [
              { path: LONG_PATH, line: 12, label: `Stock.${'validate'.repeat(10)}` },
              { path: 'node:internal/process/task_queues', line: 105, label: 'process.tick' },
            ],
          },
        ],
      },
    },
  ]);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await xray?.stop();
});

/** How far the page and the widest element reach past the window, in CSS pixels. */
async function overflow(page: Page): Promise<{ page: number; widest: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let widest = '';
    let reach = width;
    for (const el of document.querySelectorAll('body *')) {
      const right = el.getBoundingClientRect().right + window.scrollX;
      // Content clipped or scrolled inside its own box (the list's table) does not widen the page.
      if (right > reach && el.closest('.table-wrap') === null) {
        reach = right;
        widest = `${el.tagName.toLowerCase()}#${el.id}.${el.className.toString()}`;
      }
    }
    return { page: document.documentElement.scrollWidth - width, widest };
  });
}

async function openWide(width: number, scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 1000 },
    colorScheme: scheme,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${xray.endpoint}/#/traces/${wide.traceId}/${wide.segmentId}`);
  await page.locator('.map-node').first().waitFor({ timeout: 15_000 });
  await expect
    .poll(() => page.locator('#detail').textContent(), POLL)
    .toContain('StockValidationError');
  await expect.poll(() => page.locator('#trace-list tbody tr').count(), POLL).toBe(2);
  return page;
}

describe('web UI layout', () => {
  for (const width of [900, 1600]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`fits a ${width} px window with a long stack path selected (${scheme})`, async () => {
        const page = await openWide(width, scheme);
        // The long path is shown, whole, as the frame's text (wrapped, not cut).
        expect(await page.locator('#detail').textContent()).toContain(LONG_PATH.slice(-60));
        const o = await overflow(page);
        expect(o, `widest element: ${o.widest}`).toEqual({ page: 0, widest: '' });
        const map = await page.locator('#service-map').boundingBox();
        const card = await page.locator('#map-card').boundingBox();
        if (map === null || card === null) throw new Error('map not drawn');
        expect(map.x + map.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
        await page.screenshot({ path: `${OUT}layout-${width}-${scheme}.png`, fullPage: true });
        await page.context().close();
      });
    }
  }

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
