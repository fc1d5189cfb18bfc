// Links, raw documents, server-down and empty states, collapsible subtrees and dark mode in
// headless Chromium against a real local X-Ray. Screenshots go to .test-output/ui/.
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
import type { LocalXRay } from '../../src/index.ts';
import { orderTrace } from './support/order-trace.ts';
import type { OrderTrace } from './support/order-trace.ts';
import { launchChromium, putSegments } from '../helpers/chromium.ts';

/** The page refreshes every 3 s; give UI reactions time on a busy machine. */
const POLL = { timeout: 10_000, interval: 100 };
const OUT = fileURLToPath(new URL('../../../../.test-output/ui/', import.meta.url));

let xray: LocalXRay;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The order trace (producer: its SQS SendMessage subsegment is the linked span). */
let order: OrderTrace;
/** A consumer trace whose batch-processing subsegment links to the order trace's SendMessage. */
const consumer = { traceId: '', id: randomBytes(8).toString('hex'), process: '' };
const pageErrors: string[] = [];

async function open(hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${xray.endpoint}/${hash}`);
}

const hash = (): Promise<string> => page.evaluate(() => decodeURIComponent(location.hash));
const shownTrace = (): Promise<string | null> => page.locator('#trace-id').textContent();

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  xray = await startLocalXRay({ port: 0 });
  const now = Date.now() / 1000;
  order = orderTrace(now - 8);
  consumer.traceId = `1-${Math.floor(now - 4).toString(16)}-${randomBytes(12).toString('hex')}`;
  consumer.process = randomBytes(8).toString('hex');
  await putSegments(xray.endpoint, order.documents);
  await putSegments(xray.endpoint, [
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
  browser = await launchChromium();
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

    it('draws a dashed link edge from the producer’s queue to the consumer on the map', async () => {
      await open('#/');
      const edge = page.locator(
        '#service-map g.map-edge.link[data-from="SQS"][data-to="shipping-worker"]',
      );
      await expect.poll(() => edge.count(), POLL).toBe(1);
      const dash = await edge
        .locator('path')
        .first()
        .evaluate((el) => getComputedStyle(el).strokeDasharray);
      expect(dash).not.toBe('none');
      expect(await edge.locator('title').textContent()).toBe('SQS → shipping-worker');
      await page.locator('#map-card').screenshot({ path: `${OUT}link-edge.png` });
    });

    it('shows no "linked from" for a trace nothing links to', async () => {
      await open(`#/traces/${consumer.traceId}`);
      await expect.poll(shownTrace, POLL).toBe(consumer.traceId);
      await expect.poll(() => page.locator('#timeline .tl-bar').count(), POLL).toBe(2);
      expect(await page.locator('#linked-from').isHidden()).toBe(true);
      const display = (id: string): Promise<string> =>
        page.locator(id).evaluate((el) => getComputedStyle(el).display);
      expect([await display('#linked-from'), await display('#notice')]).toEqual(['none', 'none']);
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

  describe('server down and empty store', () => {
    it('says how to send traces when the store is empty, then that the server is down, then recovers', async () => {
      let spare = await startLocalXRay({ port: 0 });
      const port = new URL(spare.endpoint).port;
      const tab = await context.newPage();
      try {
        await tab.goto(`${spare.endpoint}/`);
        const notice = tab.locator('#notice');
        await expect.poll(() => notice.getAttribute('data-kind'), POLL).toBe('empty-store');
        const text = (await notice.textContent()) ?? '';
        expect(text).toContain(`AWS_XRAY_DAEMON_ADDRESS=127.0.0.1:${port}`);
        expect(text).toContain(`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${spare.endpoint}/v1/traces`);
        await tab.screenshot({ path: `${OUT}empty-store.png` });

        await spare.stop();
        await tab.locator('#filter').fill('service("orders")');
        await tab.locator('#filter-form button').click();
        await expect.poll(() => notice.getAttribute('data-kind'), POLL).toBe('unreachable');
        expect(await notice.textContent()).toContain(
          `local X-Ray not reachable at ${spare.endpoint} — is otel-xray-local running?`,
        );
        expect(await tab.locator('#filter').getAttribute('class')).not.toContain('invalid');
        expect(await tab.locator('#filter-error').isHidden()).toBe(true);
        expect(await tab.locator('#live').textContent()).toBe('Offline');
        expect(await tab.locator('#map-error').isHidden()).toBe(true);
        const dot = await tab
          .locator('#live')
          .evaluate((el) => getComputedStyle(el, '::before').backgroundColor);
        expect(dot).toBe('rgb(208, 49, 45)');
        await tab.screenshot({ path: `${OUT}server-down.png` });

        spare = await startLocalXRay({ port: Number(port) });
        await notice.locator('button.retry').click();
        await expect.poll(() => notice.getAttribute('data-kind'), POLL).toBe('empty-store');
        expect(await tab.locator('#live').textContent()).toBe('Live');
      } finally {
        await tab.close();
        await spare.stop();
      }
    });

    it('says the filter matched nothing when traces are stored', async () => {
      await open('#/?filter=service("nowhere")');
      const notice = page.locator('#notice');
      await expect.poll(() => notice.getAttribute('data-kind'), POLL).toBe('no-match');
      expect(await notice.textContent()).toContain('No traces match this filter');
    });
  });

  describe('dark mode', () => {
    it('follows prefers-color-scheme: dark', async () => {
      const dark = await browser.newContext({
        viewport: { width: 1440, height: 1000 },
        colorScheme: 'dark',
      });
      try {
        const tab = await dark.newPage();
        await tab.goto(`${xray.endpoint}/#/traces/${order.traceId}/${order.ids.shipping}`);
        await expect.poll(() => tab.locator('#timeline .tl-bar').count(), POLL).toBeGreaterThan(5);
        await expect
          .poll(() => tab.locator('#service-map .map-node').count(), POLL)
          .toBeGreaterThan(3);
        const colours = await tab.evaluate(() => ({
          bg: getComputedStyle(document.body).backgroundColor,
          ink: getComputedStyle(document.body).color,
          card: getComputedStyle(document.querySelector('.card')!).backgroundColor,
        }));
        expect(colours).toEqual({
          bg: 'rgb(18, 22, 29)',
          ink: 'rgb(227, 232, 239)',
          card: 'rgb(27, 32, 41)',
        });
        expect(await tab.locator('#notice').evaluate((el) => getComputedStyle(el).display)).toBe(
          'none',
        );
        await tab.screenshot({ path: `${OUT}dark.png`, fullPage: true });
      } finally {
        await dark.close();
      }
    });

    it('stays light without the preference', async () => {
      await open(`#/traces/${order.traceId}`);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        'rgb(244, 246, 249)',
      );
    });
  });

  describe('collapsible subtrees', () => {
    it('collapses and expands a subtree with its toggle, without selecting the row', async () => {
      await open(`#/traces/${order.traceId}/${order.ids.orders}`);
      const rows = page.locator('#timeline .tl-row:not(.tl-head)');
      await expect.poll(() => rows.count(), POLL).toBe(9);
      const inventory = page.locator(`.tl-row[data-id="${order.ids.inventory}"]`);
      const twisty = inventory.locator('button.twisty');
      expect(await twisty.getAttribute('aria-expanded')).toBe('true');
      const barBefore = await page
        .locator(`.tl-row[data-id="${order.ids.orders}"] .tl-bar`)
        .boundingBox();
      await twisty.click();
      // inventory hides reserve-stock, SQS, the inferred queue and shipping.
      await expect.poll(() => rows.count(), POLL).toBe(5);
      expect(await page.locator(`.tl-row[data-id="${order.ids.shipping}"]`).count()).toBe(0);
      expect(await inventory.locator('.folded').textContent()).toBe('+4 ');
      expect(await inventory.locator('button.twisty').getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#timeline .tl-row.selected').getAttribute('data-id')).toBe(
        order.ids.orders,
      );
      const barAfter = await page
        .locator(`.tl-row[data-id="${order.ids.orders}"] .tl-bar`)
        .boundingBox();
      expect(barAfter?.width).toBe(barBefore?.width);
      await page.locator('#trace-card').screenshot({ path: `${OUT}collapsed.png` });
      // The whole trace under the root, then back open.
      await page.locator(`.tl-row[data-id="${order.ids.orders}"] button.twisty`).click();
      await expect.poll(() => rows.count(), POLL).toBe(1);
      await page.locator(`.tl-row[data-id="${order.ids.orders}"] button.twisty`).press('Enter');
      await expect.poll(() => rows.count(), POLL).toBe(5);
      await page.locator(`.tl-row[data-id="${order.ids.inventory}"] button.twisty`).click();
      await expect.poll(() => rows.count(), POLL).toBe(9);
    });
  });

  describe('group picker', () => {
    const listIds = (): Promise<Array<string | null>> =>
      page
        .locator('#trace-list tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trace-id')));

    it('lists GetGroups, puts the chosen group in the URL and filters the list by it', async () => {
      const created = await fetch(`${xray.endpoint}/CreateGroup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          GroupName: 'workers',
          FilterExpression: 'service("shipping-worker")',
        }),
      });
      expect(created.status).toBe(200);
      await open('#/');
      await expect.poll(listIds, POLL).toHaveLength(2);
      const picker = page.locator('#group');
      await expect
        .poll(() => picker.locator('option').evaluateAll((o) => o.map((x) => x.textContent)), POLL)
        .toEqual(['All traces (Default)', 'workers']);
      await picker.selectOption('workers');
      await expect.poll(hash, POLL).toBe('#/?group=workers');
      await expect.poll(listIds, POLL).toEqual([consumer.traceId]);
      await page.locator('header').screenshot({ path: `${OUT}group-picker.png` });
      await page.goBack();
      await expect.poll(listIds, POLL).toHaveLength(2);
      expect(await picker.inputValue()).toBe('');
    });

    it('selects the URL’s group on load, and marks one the server does not have', async () => {
      await open('#/?group=workers');
      await expect.poll(listIds, POLL).toEqual([consumer.traceId]);
      expect(await page.locator('#group').inputValue()).toBe('workers');
      await open('#/?group=gone');
      await expect.poll(() => page.locator('#group').inputValue(), POLL).toBe('gone');
      expect(await page.locator('#group option:checked').textContent()).toBe(
        'gone (no such group)',
      );
    });
  });

  describe('page errors', () => {
    it('raised none', () => {
      expect(pageErrors).toEqual([]);
    });
  });
});
