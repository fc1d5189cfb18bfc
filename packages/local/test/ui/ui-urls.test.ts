// The UI's URLs in headless Chromium against a real local X-Ray: deep links open a trace and its
// segment, every change is written to the fragment, back/forward restore the previous state, and a
// trace ID typed or pasted into the filter box opens that trace. Screenshots go to
// .test-output/ui/.
import { setTimeout as sleep } from 'node:timers/promises';
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
/** The three-service order trace, a one-segment billing trace, and an order trace 2 h old. */
let order: OrderTrace;
let old: OrderTrace;
const billing = {
  traceId: '',
  id: randomBytes(8).toString('hex'),
};
const pageErrors: string[] = [];

/** Loads the page afresh at `hash` (a new document, not a same-page hash change). */
async function open(hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${xray.endpoint}/${hash}`);
}

const hash = (): Promise<string> => page.evaluate(() => decodeURIComponent(location.hash));
const shownTrace = (): Promise<string | null> => page.locator('#trace-id').textContent();
const selectedRow = (): Promise<string | null> =>
  page.locator('#timeline .tl-row.selected').getAttribute('data-id');
const listIds = (): Promise<Array<string | null>> =>
  page
    .locator('#trace-list tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trace-id')));

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  xray = await startLocalXRay({ port: 0 });
  const now = Date.now() / 1000;
  order = orderTrace(now - 5);
  old = orderTrace(now - 2 * 3600);
  billing.traceId = `1-${Math.floor(now - 3).toString(16)}-${randomBytes(12).toString('hex')}`;
  await putSegments(xray.endpoint, order.documents);
  await putSegments(xray.endpoint, old.documents);
  await putSegments(xray.endpoint, [
    {
      name: 'billing',
      id: billing.id,
      trace_id: billing.traceId,
      start_time: now - 3,
      end_time: now - 2.9,
      http: { request: { method: 'POST', url: 'http://billing.local/charge' } },
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

describe('web UI URLs', () => {
  describe('deep link', () => {
    it('opens the trace of #/traces/<id>, as the demo prints it', async () => {
      await open(`#/traces/${order.traceId}`);
      await expect.poll(() => page.locator('#timeline .tl-bar').count(), POLL).toBeGreaterThan(5);
      expect(await shownTrace()).toBe(order.traceId);
      expect(await page.locator(`.tl-row[data-id="${order.ids.shipping}"]`).count()).toBe(1);
      await expect
        .poll(() => page.locator('#trace-list tr.selected').getAttribute('data-trace-id'), POLL)
        .toBe(order.traceId);
      expect(await page.locator('#trace-note').isHidden()).toBe(true);
      await page.screenshot({ path: `${OUT}deep-link.png`, fullPage: true });
    });

    it('selects the segment of #/traces/<id>/<segment-id>', async () => {
      await open(`#/traces/${order.traceId}/${order.ids.send}`);
      await expect.poll(selectedRow, POLL).toBe(order.ids.send);
      await expect
        .poll(() => page.locator('#detail [data-section="AWS"]').textContent(), POLL)
        .toContain('SendMessage');
    });

    it('opens a trace outside the time range and says it is not in the list', async () => {
      await open(`#/traces/${old.traceId}`);
      await expect.poll(() => page.locator('#timeline .tl-bar').count(), POLL).toBeGreaterThan(5);
      expect(await shownTrace()).toBe(old.traceId);
      await expect.poll(() => page.locator('#trace-note').isVisible(), POLL).toBe(true);
      expect(await page.locator('#trace-note').textContent()).toContain('Not in the list');
      expect(await listIds()).not.toContain(old.traceId);
      await page.locator('#trace-card').screenshot({ path: `${OUT}outside-note.png` });
    });

    it('reads the range from the query, and the trace is then in the list', async () => {
      await open(`#/traces/${old.traceId}?from=now-6h`);
      expect(await page.locator('#window').inputValue()).toBe('360');
      await expect.poll(listIds, POLL).toContain(old.traceId);
      expect(await page.locator('#trace-note').isHidden()).toBe(true);
    });

    it('shows a range that is not a preset, with its dates', async () => {
      const from = new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 19) + 'Z';
      const to = new Date(Date.now() + 60_000).toISOString().slice(0, 19) + 'Z';
      await open(`#/?from=${from}&to=${to}`);
      const label = await page.locator('#window option:checked').textContent();
      expect(label).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d – \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      await expect.poll(listIds, POLL).toContain(old.traceId);
    });

    it('applies a custom range from two date-time inputs and shows dates in the list', async () => {
      await open('#/');
      await expect.poll(listIds, POLL).toContain(order.traceId);
      const time = page.locator(`#trace-list tr[data-trace-id="${order.traceId}"] td.time`);
      // The default 15 minutes (+ 60 s of slack) show no date, unless they cross midnight.
      const crossesDay = await page.evaluate(
        () =>
          new Date(Date.now() - 15 * 60_000).toDateString() !==
          new Date(Date.now() + 60_000).toDateString(),
      );
      expect(await time.textContent()).toMatch(
        crossesDay ? /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/ : /^\d\d:\d\d:\d\d\.\d{3}$/,
      );
      expect(await time.getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
      await page.locator('#window').selectOption('custom');
      expect(await page.locator('#custom-range').isVisible()).toBe(true);
      // The inputs start at the range shown; the picker keeps showing it until Apply.
      expect(await page.locator('#range-from').inputValue()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
      expect(await page.locator('#window').inputValue()).toBe('15');
      // Values in the browser's zone, as a user types them.
      const [from, to, bad] = await page.evaluate(() => {
        const local = (ms: number): string =>
          new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
        return [local(Date.now() - 3 * 86_400_000), local(Date.now() + 300_000), local(0)];
      });
      await page.locator('#range-from').fill(from);
      await page.locator('#range-to').fill(bad);
      await page.locator('#custom-range button[type="submit"]').click();
      expect(await page.locator('#range-error').isVisible()).toBe(true);
      expect(await hash()).toBe('#/');
      await page.locator('#range-to').fill(to);
      await page.locator('#custom-range button[type="submit"]').click();
      await expect.poll(hash, POLL).toMatch(/^#\/\?from=\d{4}-.+Z&to=\d{4}-.+Z$/);
      expect(await page.locator('#custom-range').isHidden()).toBe(true);
      expect(await page.locator('#window option:checked').textContent()).toMatch(/ – /);
      await expect.poll(listIds, POLL).toContain(old.traceId);
      await expect
        .poll(() => time.textContent(), POLL)
        .toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
      await page.locator('#traces-card').screenshot({ path: `${OUT}custom-range.png` });
    });

    it('ignores a fragment it cannot read and shows the list', async () => {
      await open('#/traces/not-a-trace/xyz?from=yesterday&filter=');
      await expect.poll(listIds, POLL).toContain(order.traceId);
      expect(await hash()).toBe('#/');
      expect(await page.locator('#window').inputValue()).toBe('15');
    });

    it('opens a trace when the URL is edited in place (hashchange)', async () => {
      await open('#/');
      await expect.poll(listIds, POLL).toContain(billing.traceId);
      await page.evaluate((id) => (location.hash = `#/traces/${id}`), billing.traceId);
      await expect.poll(shownTrace, POLL).toBe(billing.traceId);
      await expect.poll(selectedRow, POLL).toBe(billing.id);
    });
  });

  describe('history', () => {
    it('writes a clicked trace, then a clicked segment, to the URL', async () => {
      await open('#/');
      await page.locator(`#trace-list tr[data-trace-id="${order.traceId}"]`).click();
      await expect.poll(hash, POLL).toBe(`#/traces/${order.traceId}`);
      await expect.poll(shownTrace, POLL).toBe(order.traceId);
      await page.locator(`.tl-row[data-id="${order.ids.orders}"]`).click();
      await expect.poll(hash, POLL).toBe(`#/traces/${order.traceId}/${order.ids.orders}`);
    });

    it('writes an applied filter to the URL and lets go of a trace the list lacks', async () => {
      await page.locator('#filter').fill('service("billing")');
      await page.locator('#filter').press('Enter');
      await expect.poll(hash, POLL).toBe('#/?filter=service("billing")');
      await expect.poll(listIds, POLL).toEqual([billing.traceId]);
      await expect.poll(shownTrace, POLL).toBe(billing.traceId);
      expect(await page.locator(`.tl-row[data-id="${order.ids.orders}"]`).count()).toBe(0);
      await page.screenshot({ path: `${OUT}filter-url.png`, fullPage: true });
    });

    it('writes the window to the URL', async () => {
      await page.locator('#window').selectOption('60');
      await expect.poll(hash, POLL).toBe('#/?filter=service("billing")&from=now-1h');
    });

    it('goes back to the previous states and forward again', async () => {
      await page.goBack();
      await expect.poll(hash, POLL).toBe('#/?filter=service("billing")');
      expect(await page.locator('#window').inputValue()).toBe('15');
      await page.goBack();
      await expect.poll(hash, POLL).toBe(`#/traces/${order.traceId}/${order.ids.orders}`);
      expect(await page.locator('#filter').inputValue()).toBe('');
      await expect.poll(shownTrace, POLL).toBe(order.traceId);
      await expect.poll(selectedRow, POLL).toBe(order.ids.orders);
      await expect.poll(listIds, POLL).toContain(billing.traceId);
      await page.goForward();
      await expect
        .poll(() => page.locator('#filter').inputValue(), POLL)
        .toBe('service("billing")');
      await expect.poll(listIds, POLL).toEqual([billing.traceId]);
      await expect.poll(shownTrace, POLL).toBe(billing.traceId);
    });

    it('settles on the list it went forward to when the list in between had not answered yet', async () => {
      // The list of the state in between answers late, so back and forward both come before it.
      await page.route('**/_local/TraceList', async (route) => {
        if (!(route.request().postData() ?? '').includes('billing')) await sleep(1500);
        await route.continue();
      });
      try {
        await page.goBack();
        await expect.poll(shownTrace, POLL).toBe(order.traceId);
        await page.goForward();
        await expect.poll(hash, POLL).toBe('#/?filter=service("billing")');
        await expect.poll(listIds, POLL).toEqual([billing.traceId]);
        await expect.poll(shownTrace, POLL).toBe(billing.traceId);
      } finally {
        // waits for the delayed handlers still running, so none answers after the test
        await page.unrouteAll({ behavior: 'wait' });
      }
    });
  });

  describe('trace ID in the filter box', () => {
    it('opens a typed X-Ray trace ID instead of reporting a filter error', async () => {
      await open('#/');
      await expect.poll(listIds, POLL).toContain(order.traceId);
      await page.locator('#filter').fill(order.traceId);
      await page.locator('#filter').press('Enter');
      await expect.poll(hash, POLL).toBe(`#/traces/${order.traceId}`);
      await expect.poll(shownTrace, POLL).toBe(order.traceId);
      expect(await page.locator('#filter-error').isHidden()).toBe(true);
      expect(await page.locator('#filter').inputValue()).toBe('');
    });

    it('opens a pasted W3C trace ID at once, keeping the applied filter', async () => {
      await open('#/?filter=service("billing")');
      await expect.poll(listIds, POLL).toEqual([billing.traceId]);
      const w3c = order.traceId.slice(2).replace('-', '');
      await page.evaluate((text) => navigator.clipboard.writeText(text), ` ${w3c}\n`);
      await page.locator('#filter').selectText();
      await page.keyboard.press('Control+V');
      await expect.poll(hash, POLL).toBe(`#/traces/${order.traceId}?filter=service("billing")`);
      await expect.poll(shownTrace, POLL).toBe(order.traceId);
      expect(await page.locator('#filter').inputValue()).toBe('service("billing")');
      await expect.poll(() => page.locator('#trace-note').isVisible(), POLL).toBe(true);
      expect(await page.locator('#filter-error').isHidden()).toBe(true);
      await page.screenshot({ path: `${OUT}pasted-trace-id.png`, fullPage: true });
    });
  });

  describe('group', () => {
    it('shows the list and map of the URL’s group', async () => {
      const res = await fetch(`${xray.endpoint}/CreateGroup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ GroupName: 'billing-only', FilterExpression: 'service("billing")' }),
      });
      expect(res.status).toBe(200);
      await open('#/?group=billing-only');
      await expect.poll(listIds, POLL).toEqual([billing.traceId]);
      await expect
        .poll(
          () =>
            page
              .locator('.map-node[data-kind="service"]')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))),
          POLL,
        )
        .toEqual(['billing']);
    });

    it('keeps the group when a filter is applied, and marks errors in the user’s text', async () => {
      await page.locator('#filter').fill('service("billing") { fault');
      await page.locator('#filter').press('Enter');
      await expect.poll(hash, POLL).toBe('#/?filter=service("billing") { fault&group=billing-only');
      const where = page.locator('#filter-error .where');
      await where.waitFor();
      const position = Number(await where.getAttribute('data-position'));
      const plain = await (
        await fetch(`${xray.endpoint}/TraceSummaries`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            StartTime: Date.now() / 1000 - 60,
            EndTime: Date.now() / 1000,
            FilterExpression: 'service("billing") { fault',
          }),
        })
      ).json();
      expect(JSON.stringify(plain)).toContain(`position ${position}`);
    });
  });

  describe('page', () => {
    it('raises no script errors', () => {
      expect(pageErrors).toEqual([]);
    });
  });
});
