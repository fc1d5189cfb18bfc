// `pnpm bench ui`: the local X-Ray console at 10,000 traces, measured in headless Chromium.
// A local X-Ray is filled through the real PutTraceSegments API with 10,000 demo-shaped traces
// (orders → SNS → inventory → SQS → shipping, 1 in 100 with an inventory fault, response times
// spread 25–500 ms), then each run opens the page and times what a user waits for:
//   first rows   navigation → the first list rows are drawn
//   settled      navigation → count, histogram (every trace binned) and service map all drawn
//   filter       Enter on a filter → the list and its count show the new result set
//   drag         a drag across the histogram → the list and its count show the narrowed set
//   trace open   a click on a row → that trace's waterfall is drawn
// Medians of RUNS runs (min–max beside them), with the numbers measured before the list fetched
// only what it shows (issue 16's baseline and this script on commit 399d6ef) for comparison.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { startLocalXRay } from '../src/index.ts';
import { launchChromium } from '../test/helpers/chromium.ts';
import { benchTrace } from './bench-data.ts';

const TRACES = Number(process.env.UI_BENCH_TRACES ?? 10_000);
const RUNS = Number(process.env.UI_BENCH_RUNS ?? 5);
const FILTER = 'service("inventory") { fault }';
const TIMEOUT = 120_000;

/**
 * Medians measured by this script on 399d6ef (before), for the ratio column; live refresh then
 * made 217 requests and read 23,125 KB in 6.5 s of an idle store.
 */
const BEFORE: Readonly<Record<string, number | undefined>> = {
  'first rows': 864,
  settled: 6692,
  filter: 355,
  drag: 3543,
  'trace open': 191,
};

const xray = await startLocalXRay({ port: 0 });
const t0 = Date.now() / 1000 - 13 * 60;
for (let i = 0; i < TRACES; i += 60) {
  const docs: string[] = [];
  for (let j = i; j < Math.min(TRACES, i + 60); j++) {
    // Start times over 13 minutes; stretch 0.5–10 spreads response times over 25–500 ms.
    docs.push(...benchTrace(j, t0 + (j * 780) / TRACES, 100, 0.5 + ((j * 7919) % 96) / 10));
  }
  const res = await fetch(`${xray.endpoint}/TraceSegments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ TraceSegmentDocuments: docs }),
  });
  const body = (await res.json()) as { UnprocessedTraceSegments?: unknown[] };
  if (!res.ok || (body.UnprocessedTraceSegments?.length ?? 0) > 0)
    throw new Error(`PutTraceSegments refused documents (HTTP ${res.status})`);
}

/** Counts a filter's matches through the API (every page), for the expected list count. */
async function apiCount(filter: string): Promise<number> {
  const now = Date.now() / 1000;
  let token: string | undefined;
  let n = 0;
  do {
    const res = await fetch(`${xray.endpoint}/TraceSummaries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        StartTime: now - 15 * 60,
        EndTime: now + 60,
        ...(filter === '' ? {} : { FilterExpression: filter }),
        ...(token === undefined ? {} : { NextToken: token }),
      }),
    });
    const page = (await res.json()) as { TraceSummaries: unknown[]; NextToken?: string };
    n += page.TraceSummaries.length;
    token = page.NextToken;
  } while (token !== undefined);
  return n;
}

const countText = (shown: number, total: number): string => {
  const n = (x: number): string => x.toLocaleString('en-US');
  return shown >= total ? `${n(total)} traces` : `${n(shown)} of ${n(total)} traces`;
};
const all = await apiCount('');
if (all !== TRACES) throw new Error(`the API lists ${all} traces, not ${TRACES}`);
const filtered = await apiCount(FILTER);
const settledCount = countText(100, TRACES);

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
page.setDefaultTimeout(TIMEOUT);
const pageErrors: string[] = [];
page.on('pageerror', (e) => pageErrors.push(e.message));

/** Waits until the page shows `count` with every listed trace binned and the map drawn. */
function settled(p: Page, count: string, binned: number): Promise<unknown> {
  return p.waitForFunction(
    ([c, b]) => {
      const text = document.querySelector('#trace-count')?.textContent;
      let sum = 0;
      for (const bar of document.querySelectorAll('#histogram rect.bar'))
        sum += Number(bar.getAttribute('data-count'));
      return text === c && sum === b && document.querySelector('.map-node') !== null;
    },
    [count, binned] as const,
    { timeout: TIMEOUT },
  );
}

/** Requests and response bytes of live refresh over 6.5 s of an idle store (two polls). */
async function idleTraffic(p: Page): Promise<{ requests: number; bytes: number }> {
  let requests = 0;
  let bytes = 0;
  const onResponse = (res: { body(): Promise<Buffer> }): void => {
    requests++;
    res.body().then(
      (b) => (bytes += b.length),
      () => undefined,
    );
  };
  p.on('response', onResponse);
  await p.waitForTimeout(6500);
  p.off('response', onResponse);
  return { requests, bytes };
}
let idle = { requests: 0, bytes: 0 };

const samples: Record<string, number[]> = {
  'first rows': [],
  settled: [],
  filter: [],
  drag: [],
  'trace open': [],
};

for (let run = 0; run < RUNS; run++) {
  await page.goto('about:blank');
  let start = performance.now();
  await page.goto(`${xray.endpoint}/#/`);
  await page.waitForSelector('#trace-list tbody tr[data-trace-id]', { timeout: TIMEOUT });
  samples['first rows']?.push(performance.now() - start);
  await settled(page, settledCount, TRACES);
  samples.settled?.push(performance.now() - start);
  if (run === 0) idle = await idleTraffic(page);

  await page.locator('#filter').fill(FILTER);
  start = performance.now();
  await page.locator('#filter').press('Enter');
  await page.waitForFunction(
    (c) => document.querySelector('#trace-count')?.textContent === c,
    countText(100, filtered),
    { timeout: TIMEOUT },
  );
  samples.filter?.push(performance.now() - start);

  await page.goBack();
  await settled(page, settledCount, TRACES);
  const box = await page.locator('#histogram svg').boundingBox();
  if (box === null) throw new Error('histogram not drawn');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 4 });
  start = performance.now();
  await page.mouse.up();
  await page.waitForFunction(
    (before) => {
      const text = document.querySelector('#trace-count')?.textContent ?? '';
      return (
        location.hash.includes('responsetime') &&
        text !== '' &&
        text !== before &&
        !text.includes('+')
      );
    },
    settledCount,
    { timeout: TIMEOUT },
  );
  samples.drag?.push(performance.now() - start);
  const dragFilter = await page.locator('#filter').inputValue();
  const shownCount = await page.locator('#trace-count').textContent();
  const dragged = await apiCount(dragFilter);
  if (shownCount !== countText(100, dragged))
    throw new Error(`after the drag the list says "${shownCount}", the API ${dragged} traces`);

  const row = page.locator('#trace-list tbody tr[data-trace-id]').nth(3);
  const id = await row.getAttribute('data-trace-id');
  start = performance.now();
  await row.click();
  await page.waitForFunction(
    (want) =>
      document.querySelector('#trace-id')?.textContent === want &&
      document.querySelectorAll('#timeline .tl-row:not(.tl-head)').length >= 5,
    id,
    { timeout: TIMEOUT },
  );
  samples['trace open']?.push(performance.now() - start);
}

await browser.close();
await xray.stop();
if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
process.stdout.write(
  `local X-Ray UI, ${TRACES.toLocaleString('en-US')} traces, ${RUNS} runs, ` +
    `filter ${FILTER} (${filtered} traces)\n`,
);
process.stdout.write(
  `live refresh while idle: ${idle.requests} requests, ` +
    `${(idle.bytes / 1024).toFixed(0)} KB in 6.5 s (two polls)\n`,
);
process.stdout.write(`${'step'.padEnd(12)}${'median'.padStart(10)}  min–max (ms)     vs before\n`);
for (const [step, xs] of Object.entries(samples)) {
  const m = median(xs);
  const before = BEFORE[step];
  const ratio = before === undefined ? '' : `${(before / m).toFixed(1)}× faster (${before} ms)`;
  const range = `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  process.stdout.write(
    `${step.padEnd(12)}${`${m.toFixed(0)} ms`.padStart(10)}  ${range.padEnd(16)} ${ratio}\n`,
  );
}
