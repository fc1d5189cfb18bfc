// Regenerates docs/demo-output.txt, docs/service-map.png and docs/ui-trace(-dark).png: runs the demo, waits for its UI,
// takes a screenshot of the service map in headless Chromium, then stops the demo with SIGINT.
//   node --conditions=otel-xray-source scripts/capture-docs.ts
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { chromium } from 'playwright-core';

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
await browser.close();
demo.kill('SIGINT');
await new Promise((r) => demo.once('exit', r));
writeFileSync(join(root, 'docs/demo-output.txt'), stripVTControlCharacters(output));
console.log(
  `wrote docs/service-map.png, docs/ui-trace.png, docs/ui-trace-dark.png and docs/demo-output.txt (UI was ${ui})`,
);
