// The attacks of issue #12 from a real browser: headless Chromium resolves evil.example to
// 127.0.0.1 (--host-resolver-rules). A page on another origin tries to create a sampling rule
// with a no-cors text/plain fetch and with an enctype=text/plain form; a DNS-rebound page
// (served as evil.example:<local X-Ray port>) tries to read the stored traces. All are refused;
// a control run with evil.example allowed shows the same read succeeding.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSamplingRulesCommand, XRayClient } from '@aws-sdk/client-xray';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay, type LocalXRay } from '../../src/index.ts';
import { orderTrace } from './support/order-trace.ts';
import { MATCH_ALL_RULE } from '../helpers/sampling-rule.ts';
import { launchChromium, putSegments } from '../helpers/chromium.ts';

let xray: LocalXRay;
let browser: Browser;
let attacker: Server;
let attackerPort: number;
const log: string[] = [];
const traceId = orderTrace(Date.now() / 1000 - 5).traceId;

const rule = (name: string): string =>
  JSON.stringify({
    SamplingRule: {
      RuleName: name,
      Priority: 1,
      FixedRate: 1,
      ReservoirSize: 100,
      ...MATCH_ALL_RULE,
    },
  });

/** The attacker's page: both write attempts, results in `window.results`. */
function attackPage(target: string): string {
  const form = rule('evil-form');
  const cut = form.lastIndexOf('}');
  // text/plain forms send "name=value": the JSON is split so that name + "=" + value is valid JSON
  const name = `${form.slice(0, cut)}, "pad": "`;
  const value = `"}`;
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="POST" enctype="text/plain" target="sink" action="${target}/CreateSamplingRule">
<input type="hidden" name='${name.replaceAll("'", '&#39;')}' value='${value}'></form>
<script>
window.results = {};
fetch(${JSON.stringify(`${target}/CreateSamplingRule`)}, {
  method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
  body: ${JSON.stringify(rule('evil-fetch'))},
}).then(() => { window.results.fetch = 'sent'; }, (e) => { window.results.fetch = String(e); });
document.querySelector('iframe').addEventListener('load', () => { window.results.form = 'sent'; });
document.getElementById('f').submit();
</script></body></html>`;
}

/** The rebound page's script: a same-origin read of the trace list, as the issue's Chromium run did. */
const REBOUND_READ = `<!doctype html><script>
window.read = fetch('/TraceSummaries', {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ StartTime: Date.now() / 1000 - 600, EndTime: Date.now() / 1000 + 60 }),
}).then(
  async (r) => ({ status: r.status, text: await r.text() }),
  (e) => ({ status: -1, text: String(e) }),
);
</script>`;

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function reboundRead(server: LocalXRay): Promise<{ status: number; text: string }> {
  const page = await newPage();
  const url = `http://evil.example:${server.port}/`;
  // the first answer came from the attacker's server; DNS now points at 127.0.0.1
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: REBOUND_READ }));
  await page.goto(url);
  const read = await page.evaluate(
    () => (window as unknown as { read: Promise<{ status: number; text: string }> }).read,
  );
  await page.close();
  return read;
}

beforeAll(async () => {
  xray = await startLocalXRay({ port: 0, log: (line) => log.push(line) });
  await putSegments(
    xray.endpoint,
    orderTrace(Date.now() / 1000 - 5).documents.map((d) => ({ ...d, trace_id: traceId })),
  );
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(attackPage(xray.endpoint));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
  browser = await launchChromium([
    '--host-resolver-rules=MAP evil.example 127.0.0.1',
    // Chromium's own local-network checks would stop some of these requests before they reach
    // the server; Firefox and Safari have none. Off, so the test shows the server's defence.
    '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,' +
      'PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks',
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  attacker?.closeAllConnections();
  await new Promise((resolve) => attacker?.close(resolve));
  await xray?.stop();
});

describe('browser attacks on the local X-Ray', () => {
  describe('a page on another origin', () => {
    it('cannot create a sampling rule with a no-cors text/plain fetch nor a text/plain form', async () => {
      const page = await newPage();
      await page.goto(`http://evil.example:${attackerPort}/`);
      await page.waitForFunction(() => {
        const r = (window as unknown as { results: Record<string, string> }).results;
        return r.fetch !== undefined && r.form !== undefined;
      });
      await page.close();
      const client = new XRayClient({
        endpoint: xray.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      const rules = await client.send(new GetSamplingRulesCommand({}));
      client.destroy();
      expect(rules.SamplingRuleRecords?.map((r) => r.SamplingRule?.RuleName)).toEqual(['Default']);
      const origin = `Origin "http://evil.example:${attackerPort}"`;
      expect(
        log.filter((l) => l.includes('/CreateSamplingRule') && l.includes(origin)),
      ).toHaveLength(
        1, // the fetch and the form are the same refusal: one line, the repeat counted
      );
      expect(xray.stats().httpRefused).toBe(2);
    });
  });

  describe('a DNS-rebound page (evil.example resolving to 127.0.0.1)', () => {
    it('cannot read the stored traces', async () => {
      const read = await reboundRead(xray);
      expect(read.status).toBe(403);
      expect(read.text).toContain('--allowed-host evil.example');
      expect(read.text).not.toContain(traceId);
    });

    it('could read them if evil.example were an allowed host (the check is what stops it)', async () => {
      const open = await startLocalXRay({ port: 0, allowedHosts: ['evil.example'] });
      try {
        const put = await fetch(`${open.endpoint}/TraceSegments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            TraceSegmentDocuments: orderTrace(Date.now() / 1000 - 5).documents.map((d) =>
              JSON.stringify({ ...d, trace_id: traceId }),
            ),
          }),
        });
        expect(put.status).toBe(200);
        const read = await reboundRead(open);
        expect(read.status).toBe(200);
        expect(read.text).toContain(traceId);
      } finally {
        await open.stop();
      }
    });
  });
});
