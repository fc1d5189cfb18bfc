// Links, raw documents, server-down and empty states, collapsible subtrees and dark mode in
// headless Chromium against a real local X-Ray. Screenshots go to .test-output/ui/.
import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
import type { LocalXRay } from '../../src/index.ts';
import { orderTrace } from './support/order-trace.ts';
import type { OrderTrace } from './support/order-trace.ts';

const CHROMIUM = '/usr/bin/chromium';
/** The page refreshes every 3 s; give UI reactions time on a busy machine. */
const POLL = { timeout: 10_000, interval: 100 };
const OUT = fileURLToPath(new URL('../../../../.test-output/ui/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let xray: LocalXRay;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The order trace (producer: its SQS SendMessage subsegment is the linked span). */
let order: OrderTrace;
/** A consumer trace whose batch-processing subsegment links to the order trace's SendMessage. */
const consumer = { traceId: '', id: randomBytes(8).toString('hex'), process: '' };
const pageErrors: string[] = [];

async function putSegments(documents: Array<Record<string, unknown>>): Promise<void> {
  const put = await fetch(`${xray.endpoint}/TraceSegments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ TraceSegmentDocuments: documents.map((d) => JSON.stringify(d)) }),
  });
  expect(put.status).toBe(200);
}

async function open(hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${xray.endpoint}/${hash}`);
}

const hash = (): Promise<string> => page.evaluate(() => decodeURIComponent(location.hash));
const shownTrace = (): Promise<string | null> => page.locator('#trace-id').textContent();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The UI test needs Debian's chromium at ${CHROMIUM}`);
  mkdirSync(OUT, { recursive: true });
  xray = await startLocalXRay({ port: 0 });
  const now = Date.now() / 1000;
  order = orderTrace(now - 8);
  consumer.traceId = `1-${Math.floor(now - 4).toString(16)}-${randomBytes(12).toString('hex')}`;
  consumer.process = randomBytes(8).toString('hex');
  await putSegments(order.documents);
  await putSegments([
    {
      name: 'shipping-worker',
      id: consumer.id,
      trace_id: consumer.traceId,
      start_time: now - 4,
      end_time: now - 3.8,
      origin: 'AWS::Lambda::Function',
      subsegments: [
        {
          name: 'shipping-queue process',
          id: consumer.process,
          start_time: now - 3.99,
          end_time: now - 3.81,
          links: [
            {
              trace_id: order.traceId,
              id: order.ids.send,
              attributes: { 'messaging.batch.index': 0 },
            },
          ],
        },
      ],
    },
  ]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: xray.endpoint,
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await xray?.stop();
});

describe('web UI, more', () => {
  describe('links', () => {
    it('lists a segment’s links and opens the linked trace, which says where it is linked from', async () => {
      await open(`#/traces/${consumer.traceId}/${consumer.process}`);
      const link = page.locator(
        `#detail [data-section="Links"] a[data-trace-id="${order.traceId}"]`,
      );
      await expect.poll(() => link.count(), POLL).toBe(1);
      expect(await page.locator('#detail [data-section="Links"]').textContent()).toContain(
        'messaging.batch.index=0',
      );
      await page.screenshot({ path: `${OUT}links.png`, fullPage: true });
      await link.click();
      await expect.poll(hash, POLL).toContain(`#/traces/${order.traceId}/${order.ids.send}`);
      await expect.poll(shownTrace, POLL).toBe(order.traceId);
      await expect
        .poll(() => page.locator('#timeline .tl-row.selected').getAttribute('data-id'), POLL)
        .toBe(order.ids.send);
      const back = page.locator(`#linked-from a[data-trace-id="${consumer.traceId}"]`);
      await expect.poll(() => back.count(), POLL).toBe(1);
      expect(await page.locator('#linked-from').textContent()).toContain(
        'Linked from shipping-queue process',
      );
      await page.locator('#trace-card').screenshot({ path: `${OUT}linked-from.png` });
      await back.click();
      await expect.poll(shownTrace, POLL).toBe(consumer.traceId);
      await page.goBack();
      await expect.poll(shownTrace, POLL).toBe(order.traceId);
    });

    it('shows no "linked from" for a trace nothing links to', async () => {
      await open(`#/traces/${consumer.traceId}`);
      await expect.poll(shownTrace, POLL).toBe(consumer.traceId);
      await expect.poll(() => page.locator('#timeline .tl-bar').count(), POLL).toBe(2);
      expect(await page.locator('#linked-from').isHidden()).toBe(true);
    });
  });

  describe('raw JSON', () => {
    it('shows the stored document, selectable, and copies it', async () => {
      await open(`#/traces/${order.traceId}/${order.ids.shipping}`);
      const section = page.locator('#detail [data-section="Raw JSON"]');
      await expect.poll(() => section.count(), POLL).toBe(1);
      await section.locator('summary').click();
      const pre = section.locator('pre');
      const shown = JSON.parse((await pre.textContent()) ?? '') as unknown;
      const stored = order.documents.find((d) => d.id === order.ids.shipping);
      expect(shown).toEqual(stored);
      expect(await pre.evaluate((el) => getComputedStyle(el).userSelect)).toBe('text');
      await section.locator('button.copy').click();
      await expect.poll(() => section.locator('button.copy').textContent(), POLL).toBe('Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(JSON.parse(copied)).toEqual(stored);
      await page.locator('#detail').screenshot({ path: `${OUT}raw-json.png` });
    });
  });

  describe('page errors', () => {
    it('raised none', () => {
      expect(pageErrors).toEqual([]);
    });
  });
});
