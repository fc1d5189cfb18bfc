// Regenerates docs/demo-output.txt and docs/service-map.png: runs the demo, waits for its UI,
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
await browser.close();
demo.kill('SIGINT');
await new Promise((r) => demo.once('exit', r));
writeFileSync(join(root, 'docs/demo-output.txt'), stripVTControlCharacters(output));
console.log(`wrote docs/service-map.png and docs/demo-output.txt (UI was ${ui})`);
