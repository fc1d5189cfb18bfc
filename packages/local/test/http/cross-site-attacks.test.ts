// The cross-site attacks of issue #12 against a real server: a page on another origin writing
// with CORS "simple" requests, a form post, a text/plain write without Origin, a DNS-rebinding
// read under a foreign Host. Each is refused with 403 and leaves the server's state unchanged.
import {
  BatchGetTracesCommand,
  GetEncryptionConfigCommand,
  GetGroupsCommand,
  GetSamplingRulesCommand,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTrace, nowSeconds } from '../helpers/documents.ts';
import { rawRequest, type RawRequest, type RawResponse } from '../helpers/raw-request.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { MATCH_ALL_RULE } from '../helpers/sampling-rule.ts';

let s: TestServer;
const log: string[] = [];
const rule = (name: string): string =>
  JSON.stringify({
    SamplingRule: {
      RuleName: name,
      Priority: 9,
      FixedRate: 1,
      ReservoirSize: 1,
      ...MATCH_ALL_RULE,
    },
  });

beforeAll(async () => {
  s = await startTestServer({ log: (line) => log.push(line), allowedHosts: ['xray.test'] });
});
afterAll(() => s.close());

const own = (): string => `127.0.0.1:${s.xray.port}`;
const evil = { Origin: 'http://evil.example' };

function expectRefused(res: RawResponse): void {
  expect(res.status).toBe(403);
  expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  expect(JSON.parse(res.text)).toMatchObject({ __type: 'AccessDeniedException' });
  expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
}

async function ruleNames(): Promise<string[]> {
  const out = await s.client.send(new GetSamplingRulesCommand({}));
  return (out.SamplingRuleRecords ?? []).map((r) => r.SamplingRule?.RuleName ?? '');
}

describe('cross-site attacks', () => {
  describe('writes from a page on another origin', () => {
    it('refuses a no-cors text/plain fetch and an enctype=text/plain form; no rule is created', async () => {
      const before = await ruleNames();
      const refusedBefore = s.xray.stats().httpRefused;
      expectRefused(
        await rawRequest(s.xray.endpoint, {
          path: '/CreateSamplingRule',
          headers: { ...evil, 'Content-Type': 'text/plain;charset=UTF-8' },
          body: rule('fetched'),
        }),
      );
      expectRefused(
        await rawRequest(s.xray.endpoint, {
          path: '/CreateSamplingRule',
          headers: { Origin: 'null', 'Content-Type': 'text/plain' },
          body: `${rule('formed').slice(0, -1)}, "x": "=}"\r\n`,
        }),
      );
      expect(await ruleNames()).toEqual(before);
      expect(s.xray.stats().httpRefused).toBe(refusedBefore + 2);
      expect(log).toContainEqual(
        `refused POST "/CreateSamplingRule": cross-origin request; Host "${own()}" ` +
          'Origin "http://evil.example" Content-Type "text/plain"',
      );
    });

    it('refuses urlencoded and multipart form posts and changes nothing', async () => {
      const groups = await s.client.send(new GetGroupsCommand({}));
      const encryption = await s.client.send(new GetEncryptionConfigCommand({}));
      for (const [path, body] of [
        ['/CreateGroup', 'GroupName=planted'],
        ['/UpdateGroup', 'GroupName=Default&FilterExpression=x'],
        ['/PutEncryptionConfig', 'Type=KMS&KeyId=attacker'],
        ['/DeleteSamplingRule', 'RuleName=Default'],
      ] as const) {
        expectRefused(
          await rawRequest(s.xray.endpoint, {
            path,
            headers: { ...evil, 'Content-Type': 'application/x-www-form-urlencoded' },
            body,
          }),
        );
        expectRefused(
          await rawRequest(s.xray.endpoint, {
            path,
            headers: { ...evil, 'Content-Type': 'multipart/form-data; boundary=b' },
            body: `--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n${body}\r\n--b--\r\n`,
          }),
        );
      }
      expect(await s.client.send(new GetGroupsCommand({}))).toMatchObject({
        Groups: groups.Groups,
      });
      expect((await s.client.send(new GetEncryptionConfigCommand({}))).EncryptionConfig).toEqual(
        encryption.EncryptionConfig,
      );
      expect(await ruleNames()).toContain('Default');
    });

    it('refuses a JSON write whose Origin is foreign, even with an allowed Host', async () => {
      expectRefused(
        await rawRequest(s.xray.endpoint, {
          path: '/CreateSamplingRule',
          headers: { ...evil, 'Content-Type': 'application/json' },
          body: rule('json-foreign'),
        }),
      );
      expect(await ruleNames()).not.toContain('json-foreign');
    });
  });

  describe('text/plain writes without an Origin', () => {
    it('refuses PutTraceSegments and OTLP with a message pointing at application/json; no trace is stored', async () => {
      const { trace, documents } = demoTrace(nowSeconds() - 10, { orderId: 'planted' });
      const res = await rawRequest(s.xray.endpoint, {
        path: '/TraceSegments',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ TraceSegmentDocuments: documents.map((d) => JSON.stringify(d)) }),
      });
      expectRefused(res);
      expect(JSON.parse(res.text).message).toContain('Content-Type: application/json');
      expectRefused(
        await rawRequest(s.xray.endpoint, {
          path: '/v1/traces',
          headers: { 'Content-Type': 'text/plain' },
          body: '{"resourceSpans":[]}',
        }),
      );
      const got = await s.client.send(new BatchGetTracesCommand({ TraceIds: [trace] }));
      expect(got.Traces).toEqual([]);
    });
  });

  describe('DNS rebinding (foreign Host)', () => {
    it('refuses GET /TraceSummaries, POST /TraceSummaries and the UI page', async () => {
      const { trace, documents } = demoTrace(nowSeconds() - 10, { orderId: 'secret' });
      await s.put(documents);
      const now = nowSeconds();
      const host = `evil.example:${s.xray.port}`;
      const attempts: RawRequest[] = [
        { method: 'GET', path: '/TraceSummaries', headers: { Host: host } },
        {
          path: '/TraceSummaries',
          headers: { Host: host, 'Content-Type': 'application/json' },
          body: JSON.stringify({ StartTime: now - 600, EndTime: now + 60 }),
        },
        { method: 'GET', path: '/', headers: { Host: host } },
        { method: 'GET', path: '/_local/stats', headers: { Host: host } },
      ];
      for (const r of attempts) {
        const res = await rawRequest(s.xray.endpoint, r);
        expectRefused(res);
        expect(res.text).not.toContain(trace);
        expect(JSON.parse(res.text).message).toContain('--allowed-host evil.example');
        expect(JSON.parse(res.text).message).toContain('OTEL_XRAY_LOCAL_ALLOWED_HOSTS');
      }
    });

    it('refuses a page loaded with Origin null', async () => {
      expectRefused(
        await rawRequest(s.xray.endpoint, {
          method: 'GET',
          path: '/',
          headers: { Origin: 'null' },
        }),
      );
    });
  });

  describe('hosts that are allowed', () => {
    it('answers loopback names in any case and port, [::1], localhost subdomains and --allowed-host', async () => {
      for (const host of [
        own(),
        `LOCALHOST:${s.xray.port}`,
        'localhost',
        `[::1]:${s.xray.port}`,
        `ui.localhost:${s.xray.port}`,
        `xray.test:${s.xray.port}`,
      ]) {
        const res = await rawRequest(s.xray.endpoint, {
          method: 'GET',
          path: '/',
          headers: { Host: host },
        });
        expect(res.status, host).toBe(200);
      }
    });

    it('answers the UI calling its own origin', async () => {
      const res = await rawRequest(s.xray.endpoint, {
        path: '/GetSamplingRules',
        headers: {
          Host: `localhost:${s.xray.port}`,
          Origin: `http://localhost:${s.xray.port}`,
          'Content-Type': 'application/json',
        },
        body: '{}',
      });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
