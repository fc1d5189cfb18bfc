// The sampling operations over HTTP as clients send them: the AWS SDK (signed, JSON) and the
// X-Ray SDKs / daemon proxy (unsigned POSTs, `{}` or empty bodies; spec §3.5).
import {
  CreateSamplingRuleCommand,
  DeleteSamplingRuleCommand,
  GetSamplingRulesCommand,
  GetSamplingStatisticSummariesCommand,
  GetSamplingTargetsCommand,
  UpdateSamplingRuleCommand,
  XRayClient,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalXRay, type LocalXRay } from '../../src/index.ts';
import { clientId, ruleInput } from './rule-fixtures.ts';

let xray: LocalXRay;
let client: XRayClient;

beforeAll(async () => {
  xray = await startLocalXRay({ port: 0 });
  client = new XRayClient({
    endpoint: xray.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  client?.destroy();
  await xray?.stop();
});

function post(path: string, body?: string): Promise<Response> {
  return fetch(`${xray.endpoint}${path}`, {
    method: 'POST',
    // as the X-Ray SDKs' pollers send it (a string body alone would make fetch send text/plain)
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  });
}

describe('sampling API over HTTP', () => {
  describe('unsigned SDK-style requests', () => {
    it.each([undefined, '', '{}'])('answers POST /GetSamplingRules with body %j', async (body) => {
      const response = await post('/GetSamplingRules', body);
      expect(response.status).toBe(200);
      const out = (await response.json()) as {
        SamplingRuleRecords: { SamplingRule: { RuleName: string } }[];
      };
      expect(out.SamplingRuleRecords.map((r) => r.SamplingRule.RuleName)).toContain('Default');
    });

    it('answers POST /SamplingTargets with a quota for the reporting client', async () => {
      const doc = {
        RuleName: 'Default',
        ClientID: clientId(1),
        Timestamp: Date.now() / 1000,
        RequestCount: 3,
        SampledCount: 1,
        BorrowCount: 1,
      };
      const response = await post(
        '/SamplingTargets',
        JSON.stringify({ SamplingStatisticsDocuments: [doc] }),
      );
      expect(response.status).toBe(200);
      const out = (await response.json()) as {
        SamplingTargetDocuments: { RuleName: string; ReservoirQuota: number }[];
      };
      expect(out.SamplingTargetDocuments[0]).toMatchObject({
        RuleName: 'Default',
        ReservoirQuota: 1,
      });
    });

    it('maps validation failures to an AWS error response', async () => {
      const response = await post('/DeleteSamplingRule', '{"RuleName":"Default"}');
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
    });
  });

  describe('@aws-sdk/client-xray', () => {
    it('creates, updates, lists, reports and deletes a rule', async () => {
      const created = await client.send(
        new CreateSamplingRuleCommand(
          ruleInput() as unknown as ConstructorParameters<typeof CreateSamplingRuleCommand>[0],
        ),
      );
      expect(created.SamplingRuleRecord?.SamplingRule?.RuleARN).toBe(
        'arn:aws:xray:us-east-1:000000000000:sampling-rule/order-service-adaptive',
      );
      expect(created.SamplingRuleRecord?.CreatedAt).toBeInstanceOf(Date);
      await client.send(
        new UpdateSamplingRuleCommand({
          SamplingRuleUpdate: { RuleName: 'order-service-adaptive', FixedRate: 0.25 },
        }),
      );
      const rules = await client.send(new GetSamplingRulesCommand({}));
      expect(
        rules.SamplingRuleRecords?.map((r) => [
          r.SamplingRule?.RuleName,
          r.SamplingRule?.FixedRate,
        ]),
      ).toEqual([
        ['order-service-adaptive', 0.25],
        ['Default', 0.05],
      ]);
      const targets = await client.send(
        new GetSamplingTargetsCommand({
          SamplingStatisticsDocuments: [
            {
              RuleName: 'order-service-adaptive',
              ClientID: clientId(7),
              Timestamp: new Date(),
              RequestCount: 40,
              SampledCount: 12,
              BorrowCount: 1,
            },
          ],
        }),
      );
      expect(targets.SamplingTargetDocuments?.[0]).toMatchObject({
        RuleName: 'order-service-adaptive',
        FixedRate: 0.25,
        ReservoirQuota: 10,
        Interval: 10,
      });
      expect(targets.SamplingTargetDocuments?.[0]?.ReservoirQuotaTTL).toBeInstanceOf(Date);
      const summaries = await client.send(new GetSamplingStatisticSummariesCommand({}));
      expect(
        summaries.SamplingStatisticSummaries?.find((s) => s.RuleName === 'order-service-adaptive'),
      ).toMatchObject({
        RequestCount: 40,
        SampledCount: 12,
        BorrowCount: 1,
      });
      const deleted = await client.send(
        new DeleteSamplingRuleCommand({ RuleName: 'order-service-adaptive' }),
      );
      expect(deleted.SamplingRuleRecord?.SamplingRule?.RuleName).toBe('order-service-adaptive');
      await expect(
        client.send(new DeleteSamplingRuleCommand({ RuleName: 'order-service-adaptive' })),
      ).rejects.toMatchObject({
        name: 'InvalidRequestException',
      });
    });
  });
});
