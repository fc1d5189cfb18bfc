import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowSeconds, segment, segmentId, traceId } from '../helpers/documents.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// How X-Ray identifies a service (`Name`, `Names`, `Type`, `AccountId`) in GetServiceGraph nodes
// and in the summaries' `ServiceIds` and `EntryPoint`, checked on the wire (raw JSON, so an
// absent key and a null value are told apart). What real X-Ray returns, from two captures of its
// output published on GitHub in 2023 (found by content; see packages/local/README.md):
// - `aws xray get-service-graph` for a Flask app traced by the X-Ray SDK for Python without
//   plugins, through the daemon: the service's node has neither `Type` nor `AccountId`; only its
//   client node has `Type: "client"`;
// - `GetTraceSummaries` through @aws-sdk/client-xray for Lambda functions: `AccountId` is on the
//   `AWS::Lambda::Function` identity (its segments carry `aws.account_id`), never on the `client`
//   identity nor on the Lambda service's `AWS::Lambda` identity, which is also the `EntryPoint`.
// The model (botocore xray service-2.json, shapes Service and ServiceId) documents `Type` as an
// AWS resource type, an AWS service type, `client` or `remote`, both fields optional. So a service
// without `origin` has no type to report, and no account is filled in for segments naming none —
// not even the server's own (`accountId`, here 999999999999).

const ACCOUNT = '123456789012';
let s: TestServer;
const t0 = nowSeconds() - 30;
const plain = traceId(t0);
const lambdaRoot = traceId(t0 + 1);

beforeAll(async () => {
  s = await startTestServer({ accountId: '999999999999' });
  const call = segmentId();
  await s.put([
    // web (no origin, no account) → fn (a Lambda function segment naming its account)
    segment({
      trace: plain,
      name: 'web',
      start: t0,
      end: t0 + 1,
      subsegments: [{ id: call, name: 'fn', start_time: t0 + 0.1, end_time: t0 + 0.9 }],
    }),
    segment({
      trace: plain,
      name: 'fn',
      start: t0 + 0.2,
      end: t0 + 0.8,
      parent_id: call,
      origin: 'AWS::Lambda::Function',
      aws: { account_id: ACCOUNT },
    }),
    // a trace whose root segment names its account
    segment({
      trace: lambdaRoot,
      name: 'fn',
      start: t0 + 1,
      end: t0 + 2,
      origin: 'AWS::Lambda::Function',
      aws: { account_id: ACCOUNT },
    }),
  ]);
});
afterAll(() => s.close());

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await rawRequest(s.xray.endpoint, {
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as Record<string, unknown>;
}

const window = { StartTime: t0 - 60, EndTime: t0 + 60 };
type Identity = Record<string, unknown>;
const pick = ({ Name, Type, AccountId }: Identity) => ({ Name, Type, AccountId });

describe('service identities on the wire', () => {
  describe('GetServiceGraph', () => {
    it('leaves Type and AccountId out of a node without origin or account, as X-Ray does', async () => {
      const out = await post('/ServiceGraph', window);
      const nodes = out.Services as Identity[];
      const web = nodes.find((n) => n.Name === 'web' && n.Type !== 'client')!;
      expect(Object.keys(web)).not.toContain('Type');
      expect(Object.keys(web)).not.toContain('AccountId');
      expect(nodes.map(pick)).toEqual(
        expect.arrayContaining([
          { Name: 'web', Type: 'client', AccountId: undefined },
          { Name: 'fn', Type: 'client', AccountId: undefined },
          { Name: 'fn', Type: 'AWS::Lambda::Function', AccountId: ACCOUNT },
        ]),
      );
      expect(JSON.stringify(out)).not.toContain('null');
    });
  });

  describe('GetTraceSummaries', () => {
    it('gives ServiceIds and EntryPoint an AccountId exactly where the segments name one', async () => {
      const out = await post('/TraceSummaries', window);
      const byId = new Map((out.TraceSummaries as Identity[]).map((t) => [t.Id, t]));
      const first = byId.get(plain)!;
      expect(first.EntryPoint).toEqual({ Name: 'web', Names: ['web'] });
      expect((first.ServiceIds as Identity[]).map(pick)).toEqual(
        expect.arrayContaining([
          { Name: 'web', Type: undefined, AccountId: undefined },
          { Name: 'fn', Type: 'AWS::Lambda::Function', AccountId: ACCOUNT },
        ]),
      );
      expect(byId.get(lambdaRoot)!.EntryPoint).toEqual({
        Name: 'fn',
        Names: ['fn'],
        AccountId: ACCOUNT,
        Type: 'AWS::Lambda::Function',
      });
      expect(JSON.stringify(out)).not.toContain('null');
    });
  });
});
