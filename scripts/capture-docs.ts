// Regenerates docs/demo-output.txt, docs/service-map.png, docs/ui-trace(-dark).png and
// docs/ui-trace-logs.png: runs the demo, waits for its UI, takes screenshots in headless Chromium
// (the poison trace's log lines are seeded first when the services sent none: docs-trace-logs.ts),
// then stops the demo with SIGINT.
//   node --conditions=otel-xray-source scripts/capture-docs.ts
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { chromium } from 'playwright-core';
import { seedTraceLogs } from './docs-trace-logs.ts';

const root = join(import.meta.dirname, '..');
const demo = spawn(
  process.execPath,
  ['--conditions=otel-xray-source', 'scripts/demo.ts', '--port', '0'],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let output = '';
demo.stdout.on('data', (d: Buffer) => (output += d.toString()));
demo.stderr.on('data', (d: Buffer) => (output += d.toString()));
const ui = await new Promise<string>((resolve, reject) => {
  const timer = setInterval(() => {
    const m = /^UI: (http:\/\/\S+)/m.exec(output);
    if (m && output.includes('Up until Ctrl-C')) {
      clearInterval(timer);
      resolve(m[1]!);
    }
  }, 200);
  demo.once('exit', (code) => reject(new Error(`demo exited (${code}):\n${output}`)));
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const page = await browser.newPage({ viewport: { width: 1900, height: 900 } });
await page.goto(ui);
await page.waitForSelector('#service-map svg', { timeout: 15_000 }).catch(() => undefined);
await page.waitForTimeout(1500);
mkdirSync(join(root, 'docs'), { recursive: true });
const map = page.locator('section:has(#service-map)').first();
await ((await map.count())
  ? map.screenshot({ path: join(root, 'docs/service-map.png') })
  : page.screenshot({ path: join(root, 'docs/service-map.png') }));
// The poison order's trace (faults three times in inventory, then the DLQ), by its deep link,
// in light and dark colour schemes.
const poison = /poison[^]*?open in the UI: (http:\/\/\S+)/.exec(
  stripVTControlCharacters(output),
)?.[1];
for (const [scheme, file] of [
  ['light', 'docs/ui-trace.png'],
  ['dark', 'docs/ui-trace-dark.png'],
] as const) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    colorScheme: scheme,
  });
  const view = await context.newPage();
  await view.goto(poison ?? ui);
  await view.waitForSelector('#service-map svg', { timeout: 15_000 }).catch(() => undefined);
  await view.waitForTimeout(2000);
  await view.screenshot({ path: join(root, file), fullPage: true });
  await context.close();
}
// The poison trace's log lines under its waterfall, the last receive's segment selected.
const poisonId = /#\/traces\/(1-[0-9a-f-]+)/.exec(poison ?? '')?.[1];
if (poison !== undefined && poisonId !== undefined) {
  const seeded = await seedTraceLogs(new URL(poison).origin, poisonId);
  if (seeded > 0)
    console.log(`seeded ${seeded} log lines for ${poisonId} (the services sent none)`);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const view = await context.newPage();
  await view.goto(poison);
  await view.waitForSelector('#trace-logs .log-line', { timeout: 15_000 });
  await view.locator('#trace-logs .log-line.level-warn').last().click();
  // The sticky top bar would cover the card in an element screenshot.
  await view.evaluate(() =>
    document.querySelector<HTMLElement>('.topbar')?.style.setProperty('position', 'static'),
  );
  await view.waitForTimeout(500);
  await view.locator('#trace-card').screenshot({ path: join(root, 'docs/ui-trace-logs.png') });
  await context.close();
}
await browser.close();
demo.kill('SIGINT');
await new Promise((r) => demo.once('exit', r));
writeFileSync(join(root, 'docs/demo-output.txt'), stripVTControlCharacters(output));
console.log(
  `wrote docs/service-map.png, docs/ui-trace.png, docs/ui-trace-dark.png, docs/ui-trace-logs.png and docs/demo-output.txt (UI was ${ui})`,
);
