// The web UI in headless Chromium against a real local X-Ray: a known three-service trace is
// ingested through PutTraceSegments, then the map, the filter box, the waterfall and the detail
// pane are checked the way a user sees them. Screenshots go to .test-output/ui/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
import { STATUS_COLOURS } from '../../src/ui/lib/status.ts';
import type { LocalXRay } from '../../src/index.ts';
import { orderTrace } from './support/order-trace.ts';
import type { OrderTrace } from './support/order-trace.ts';
import { launchChromium, putSegments } from '../helpers/chromium.ts';

/** The page refreshes every 3 s; give UI reactions time on a busy machine. */
const POLL = { timeout: 10_000, interval: 100 };
const OUT = fileURLToPath(new URL('../../../../.test-output/ui/', import.meta.url));

const rgb = (hex: string): string =>
  `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

let xray: LocalXRay;
let browser: Browser;
let page: Page;
let trace: OrderTrace;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];
const failedResponses: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  xray = await startLocalXRay({ port: 0 });
  trace = orderTrace(Date.now() / 1000 - 5);
  await putSegments(xray.endpoint, trace.documents);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(10_000);
  page.on('request', (req) => {
    if (!req.url().startsWith(xray.endpoint) && !req.url().startsWith('data:'))
      foreignRequests.push(req.url());
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('response', (res) => {
    if (res.status() >= 400)
      failedResponses.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  await page.goto(`${xray.endpoint}/`);
  try {
    await page.locator('.map-node').first().waitFor();
  } catch (error) {
    const banner = await page.locator('#map-error').textContent();
    throw new Error(
      `The service map never appeared. Page errors: ${JSON.stringify(pageErrors)}; ` +
        `failed responses: ${JSON.stringify(failedResponses)}; map banner: ${JSON.stringify(banner)}`,
      { cause: error },
    );
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await xray?.stop();
});

const nodeNames = (kind: string): Promise<string[]> =>
  page
    .locator(`.map-node[data-kind="${kind}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));

describe('web UI', () => {
  describe('service map', () => {
    it('shows the services, the client and the inferred SNS topic and SQS queue', async () => {
      expect((await nodeNames('service')).sort()).toEqual(['inventory', 'orders', 'shipping']);
      expect(await nodeNames('client')).toHaveLength(1);
      const inferred = await page
        .locator('.map-node[data-kind="inferred"]')
        .evaluateAll((els) =>
          els.map(
            (e) =>
              `${e.getAttribute('data-type')} ${e.getAttribute('data-name')} ${e.getAttribute('data-resources')}`,
          ),
        );
      expect(inferred.sort()).toEqual([
        'AWS::SNS SNS order-events',
        'AWS::SQS::Queue SQS shipping-queue',
      ]);
      expect(await page.locator('.map-node[data-name="SQS"] text.name').textContent()).toBe(
        'SQS · shipping-queue',
      );
      await expect
        .poll(
          () => page.locator('.map-node[data-name="shipping"]').getAttribute('data-status'),
          POLL,
        )
        .toBe('fault');
      await page.locator('#map-card').screenshot({ path: `${OUT}service-map.png` });
    });

    it('draws the edges from the client through the topic and the queue', async () => {
      const edges = await page
        .locator('.map-edge')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-from')} -> ${e.getAttribute('data-to')}`),
        );
      expect(edges).toEqual(
        expect.arrayContaining([
          'orders -> SNS',
          'SNS -> inventory',
          'inventory -> SQS',
          'SQS -> shipping',
        ]),
      );
      const client = (await nodeNames('client'))[0];
      expect(edges).toContain(`${client} -> orders`);
    });
  });

  describe('trace list', () => {
    it('finds the trace with a filter expression', async () => {
      const rowIds = (): Promise<Array<string | null>> =>
        page
          .locator('#trace-list tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trace-id')));
      for (const expression of [
        'service("shipping") { fault }',
        'annotation.order_id = "o-4711"',
      ]) {
        await page.locator('#filter').fill(expression);
        await page.locator('#filter').press('Enter');
        await expect.poll(rowIds, POLL).toEqual([trace.traceId]);
        expect(await page.locator('#filter-error').isHidden()).toBe(true);
      }
      await page.locator('#filter').fill('annotation.order_id = "no-such-order"');
      await page.locator('#filter').press('Enter');
      await expect.poll(rowIds, POLL).toEqual([null]);
    });

    it('shows a malformed expression’s error inline, marking its position', async () => {
      await page.locator('#filter').fill('service("orders") { fault');
      await page.locator('#filter').press('Enter');
      const error = page.locator('#filter-error');
      await error.waitFor({ state: 'visible' });
      expect(await error.textContent()).toContain('InvalidRequestException');
      expect(await error.locator('.where').getAttribute('data-position')).toMatch(/^\d+$/);
      expect(await page.locator('#filter').getAttribute('aria-invalid')).toBe('true');
    });

    it('clears the error when the expression is fixed', async () => {
      await page.locator('#filter').fill('service("orders")');
      await page.locator('#filter').press('Enter');
      await page.locator('#filter-error').waitFor({ state: 'hidden' });
      await page.locator(`#trace-list tr[data-trace-id="${trace.traceId}"]`).click();
    });
  });

  describe('timeline', () => {
    it('draws one bar per segment, subsegment and inferred segment', async () => {
      const res = await fetch(`${xray.endpoint}/Traces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ TraceIds: [trace.traceId] }),
      });
      const body = (await res.json()) as {
        Traces: Array<{ Segments: Array<{ Document: string }> }>;
      };
      const count = (e: { subsegments?: unknown[] }): number =>
        1 +
        (e.subsegments ?? []).reduce<number>(
          (n, s) => n + count(s as { subsegments?: unknown[] }),
          0,
        );
      const expected = body.Traces[0]!.Segments.reduce(
        (n, s) => n + count(JSON.parse(s.Document)),
        0,
      );
      await expect.poll(() => page.locator('#timeline .tl-bar').count(), POLL).toBe(expected);
      const ids = await page
        .locator('#timeline .tl-row[data-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      expect(ids).toEqual(
        expect.arrayContaining(Object.values(trace.ids).filter((id) => id !== trace.ids.carrier)),
      );
      const shipping = page.locator(`.tl-row[data-id="${trace.ids.shipping}"]`);
      expect(await shipping.getAttribute('data-status')).toBe('fault');
      const colour = (id: string): Promise<string> =>
        page
          .locator(`.tl-row[data-id="${id}"] .tl-bar`)
          .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(await colour(trace.ids.shipping)).toBe(rgb(STATUS_COLOURS.fault));
      expect(await colour(trace.ids.orders)).toBe(rgb(STATUS_COLOURS.ok));
    });

    it('nests each segment under the subsegment that called it', async () => {
      const depth = (id: string): Promise<string> =>
        page
          .locator(`.tl-row[data-id="${id}"] .tl-name`)
          .evaluate((el) => (el as HTMLElement).style.paddingLeft);
      const [publish, inventory, send, shipping] = await Promise.all(
        [trace.ids.publish, trace.ids.inventory, trace.ids.send, trace.ids.shipping].map(depth),
      );
      expect(parseFloat(inventory!)).toBeGreaterThan(parseFloat(publish!));
      expect(parseFloat(shipping!)).toBeGreaterThan(parseFloat(send!));
    });
  });

  describe('segment detail', () => {
    it('shows the annotations and metadata of the orders segment', async () => {
      await page.locator(`.tl-row[data-id="${trace.ids.orders}"]`).click();
      const detail = page.locator('#detail');
      await expect
        .poll(() => detail.locator('[data-section="Annotations"]').textContent(), POLL)
        .toContain('o-4711');
      expect(await detail.locator('[data-section="Annotations"]').textContent()).toContain(
        'customer_tier',
      );
      expect(await detail.locator('[data-section="Metadata"]').textContent()).toContain(
        '"items": 3',
      );
      expect(await detail.locator('[data-section="HTTP"]').textContent()).toContain(
        'http://orders.local/orders',
      );
    });

    it('shows the AWS call of the SQS subsegment, chosen with the keyboard', async () => {
      await page.locator(`.tl-row[data-id="${trace.ids.send}"]`).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('#detail [data-section="AWS"]').textContent(), POLL)
        .toContain('SendMessage');
      expect(await page.locator('#detail [data-section="AWS"]').textContent()).toContain(
        'shipping-queue',
      );
    });

    it('shows the cause of the shipping fault with its stack', async () => {
      await page.locator(`.tl-row[data-id="${trace.ids.shipping}"]`).click();
      const cause = page.locator('#detail [data-section="Cause"]');
      await cause.waitFor();
      expect(await cause.textContent()).toContain(
        'CarrierUnavailableError: carrier ACME did not answer',
      );
      expect(await cause.locator('li').allTextContents()).toEqual([
        'bookCarrier (src/carrier.ts:42)',
        'handleMessage (src/consumer.ts:17)',
      ]);
      await page.locator('#trace-card').screenshot({ path: `${OUT}timeline.png` });
      await page.screenshot({ path: `${OUT}page.png`, fullPage: true });
    });
  });

  describe('live refresh', () => {
    it('reads only the store’s change counter while nothing is stored', async () => {
      // Let a reload in flight finish, then watch two polls.
      await page.waitForTimeout(3500);
      const paths: string[] = [];
      const onRequest = (req: { method(): string; url(): string }): void => {
        paths.push(`${req.method()} ${new URL(req.url()).pathname}`);
      };
      page.on('request', onRequest);
      await page.waitForTimeout(6500);
      page.off('request', onRequest);
      const count = (p: string): number => paths.filter((x) => x === p).length;
      expect(count('GET /_local/stats')).toBeGreaterThanOrEqual(2);
      // At most the one reload every 30 s may fall in the window; before, every poll read all.
      expect(count('POST /ServiceGraph')).toBeLessThanOrEqual(1);
      expect(count('POST /_local/TraceList')).toBeLessThanOrEqual(2);
      expect(paths.length).toBeLessThan(count('GET /_local/stats') + 8);
    });

    it('shows a new trace without reloading the page', async () => {
      const next = orderTrace(Date.now() / 1000 - 1);
      await putSegments(xray.endpoint, next.documents);
      await expect
        .poll(() => page.locator(`#trace-list tr[data-trace-id="${next.traceId}"]`).count(), POLL)
        .toBe(1);
      expect(await page.locator('#live').textContent()).toBe('Live');
      // The histogram merged the changed traces into what it had: it bins every listed trace.
      const rows = await page.locator('#trace-list tbody tr[data-trace-id]').count();
      const binned = (): Promise<number> =>
        page
          .locator('#histogram rect.bar')
          .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
      await expect.poll(binned, POLL).toBe(rows);
      expect(rows).toBeGreaterThanOrEqual(2);
    });

    it('pauses while the filter is being edited, and resumes when it is applied', async () => {
      await page.locator('#filter').fill('service("inventory")');
      expect(await page.locator('#live').textContent()).toBe('Paused while editing');
      await page.locator('#filter').press('Enter');
      expect(await page.locator('#live').textContent()).toBe('Live');
    });

    it('pauses and resumes with the live button', async () => {
      await page.locator('#live').click();
      expect(await page.locator('#live').getAttribute('aria-pressed')).toBe('false');
      expect(await page.locator('#live').textContent()).toBe('Paused');
      await page.locator('#live').click();
      expect(await page.locator('#live').textContent()).toBe('Live');
    });
  });

  describe('page', () => {
    it('loads nothing from outside the local server and raises no script errors', () => {
      expect(foreignRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
});
