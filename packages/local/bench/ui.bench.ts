// `pnpm bench ui`: the local X-Ray console at 10,000 traces, measured in headless Chromium.
// A local X-Ray is filled through the real PutTraceSegments API with 10,000 demo-shaped traces
// (orders → SNS → inventory → SQS → shipping, 1 in 100 with an inventory fault, response times
// spread 25–500 ms), then each run opens the page and times what a user waits for:
//   first rows   navigation → the first list rows are drawn
//   settled      navigation → count, histogram (every trace binned) and service map all drawn
//   filter       Enter on a filter → the list and its count show the new result set
//   drag         a drag across the histogram → the list and its count show the narrowed set
//   trace open   a click on a row → that trace's waterfall is drawn
// Side by side in one run: the console as it was before the list fetched only what it shows
// (packages/local/src of UI_BENCH_BEFORE, default 399d6ef, extracted with git archive into
// packages/local/.bench-before and removed after) and this checkout's, each on its own local X-Ray
// holding the same documents, runs interleaved. Medians of RUNS runs (min–max beside them).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startLocalXRay } from '../src/index.ts';
import type { LocalXRay } from '../src/index.ts';
import { launchChromium } from '../test/helpers/chromium.ts';
import { benchTrace } from './bench-data.ts';

const TRACES = Number(process.env.UI_BENCH_TRACES ?? 10_000);
const RUNS = Number(process.env.UI_BENCH_RUNS ?? 5);
const FILTER = 'service("inventory") { fault }';
const TIMEOUT = 120_000;

const BEFORE_REF = process.env.UI_BENCH_BEFORE ?? '399d6ef';
const pkg = join(import.meta.dirname, '..');
const beforeDir = join(pkg, '.bench-before');

/** startLocalXRay of the `BEFORE_REF` sources (the UI is served from beside them). */
async function startBefore(): Promise<LocalXRay> {
  rmSync(beforeDir, { recursive: true, force: true });
  mkdirSync(beforeDir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', BEFORE_REF, 'src'], {
    cwd: pkg,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', beforeDir], { input: tar });
  const mod = (await import(pathToFileURL(join(beforeDir, 'src', 'index.ts')).href)) as {
    startLocalXRay: typeof startLocalXRay;
  };
  return mod.startLocalXRay({ port: 0 });
}

const servers: Array<{ name: 'before' | 'after'; xray: LocalXRay }> = [
  { name: 'before', xray: await startBefore() },
  { name: 'after', xray: await startLocalXRay({ port: 0 }) },
];
const t0 = Date.now() / 1000 - 13 * 60;
const batches: string[][] = [];
for (let i = 0; i < TRACES; i += 60) {
  const docs: string[] = [];
  for (let j = i; j < Math.min(TRACES, i + 60); j++) {
    // Start times over 13 minutes; stretch 0.5–10 spreads response times over 25–500 ms.
    docs.push(...benchTrace(j, t0 + (j * 780) / TRACES, 100, 0.5 + ((j * 7919) % 96) / 10));
  }
  batches.push(docs);
}
for (const { xray } of servers) {
  for (const docs of batches) {
    const res = await fetch(`${xray.endpoint}/TraceSegments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ TraceSegmentDocuments: docs }),
    });
    const body = (await res.json()) as { UnprocessedTraceSegments?: unknown[] };
    if (!res.ok || (body.UnprocessedTraceSegments?.length ?? 0) > 0)
      throw new Error(`PutTraceSegments refused documents (HTTP ${res.status})`);
  }
}
const endpoint = servers[1]?.xray.endpoint ?? '';
/** An absolute range in the URL: counts do not drift while the bench runs. */
const FROM = Math.floor(t0 - 60);
const TO = Math.ceil(t0 + 1200);
const HOME = `#/?from=${FROM}&to=${TO}`;

/** Counts a filter's matches through the API (every page), for the expected list count. */
async function apiCount(filter: string): Promise<number> {
  let token: string | undefined;
  let n = 0;
  do {
    const res = await fetch(`${endpoint}/TraceSummaries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        StartTime: FROM,
        EndTime: TO,
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

/**
 * Requests and response bytes of live refresh over 6.5 s of an idle store (two polls), after 3 s
 * for the first load's tail (link edges, the trace pane) to finish.
 */
async function idleTraffic(p: Page): Promise<{ requests: number; bytes: number }> {
  await p.waitForTimeout(3000);
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
type Step = 'first rows' | 'settled' | 'filter' | 'drag' | 'trace open';
const STEPS: readonly Step[] = ['first rows', 'settled', 'filter', 'drag', 'trace open'];
const samples = new Map<string, Record<Step, number[]>>();
const idle = new Map<string, { requests: number; bytes: number }>();
for (const { name } of servers)
  samples.set(name, { 'first rows': [], settled: [], filter: [], drag: [], 'trace open': [] });

/** One run against one server: every step timed into `out`. */
async function measure(
  base: string,
  out: Record<Step, number[]>,
  first: boolean,
): Promise<unknown> {
  await page.goto('about:blank');
  // The previous page's last refresh may still be computing on its server: a first visit waits
  // for no one, so neither does this one.
  await page.waitForTimeout(1000);
  let start = performance.now();
  await page.goto(`${base}/${HOME}`);
  await page.waitForSelector('#trace-list tbody tr[data-trace-id]', { timeout: TIMEOUT });
  out['first rows'].push(performance.now() - start);
  await settled(page, settledCount, TRACES);
  out.settled.push(performance.now() - start);
  const traffic = first ? await idleTraffic(page) : undefined;

  await page.locator('#filter').fill(FILTER);
  start = performance.now();
  await page.locator('#filter').press('Enter');
  await page.waitForFunction(
    (c) => document.querySelector('#trace-count')?.textContent === c,
    countText(100, filtered),
    { timeout: TIMEOUT },
  );
  out.filter.push(performance.now() - start);

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
  out.drag.push(performance.now() - start);
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
  out['trace open'].push(performance.now() - start);
  return traffic;
}

try {
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, the order alternating, so load from elsewhere falls on both alike.
    const order = run % 2 === 0 ? servers : [...servers].reverse();
    for (const { name, xray } of order) {
      const out = samples.get(name);
      if (out === undefined) continue;
      const traffic = (await measure(xray.endpoint, out, run === 0)) as
        { requests: number; bytes: number } | undefined;
      if (traffic !== undefined) idle.set(name, traffic);
    }
  }
} finally {
  await browser.close();
  for (const { xray } of servers) await xray.stop();
  rmSync(beforeDir, { recursive: true, force: true });
}
if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const cell = (xs: number[]): string =>
  `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
process.stdout.write(
  `local X-Ray UI, ${TRACES.toLocaleString('en-US')} traces, ${RUNS} runs each, interleaved; ` +
    `before = ${BEFORE_REF}; filter ${FILTER} (${filtered} traces)\n`,
);
for (const { name } of servers) {
  const t = idle.get(name);
  if (t !== undefined)
    process.stdout.write(
      `live refresh while idle, ${name}: ${t.requests} requests, ` +
        `${(t.bytes / 1024).toFixed(0)} KB in 6.5 s (two polls)\n`,
    );
}
process.stdout.write(
  `${'step (ms)'.padEnd(12)}${'before: median (min–max)'.padEnd(28)}` +
    `${'after: median (min–max)'.padEnd(28)}before ÷ after\n`,
);
for (const step of STEPS) {
  const b = samples.get('before')?.[step] ?? [];
  const a = samples.get('after')?.[step] ?? [];
  process.stdout.write(
    `${step.padEnd(12)}${cell(b).padEnd(28)}${cell(a).padEnd(28)}` +
      `${(median(b) / median(a)).toFixed(1)}×\n`,
  );
}
