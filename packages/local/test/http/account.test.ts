import {
  CreateSamplingRuleCommand,
  GetEncryptionConfigCommand,
  GetIndexingRulesCommand,
  GetSamplingRulesCommand,
  GetSamplingTargetsCommand,
  GetTraceSegmentDestinationCommand,
  InvalidRequestException,
  ListTagsForResourceCommand,
  PutEncryptionConfigCommand,
  PutTelemetryRecordsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateTraceSegmentDestinationCommand,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('local X-Ray account operations', () => {
  describe('encryption config', () => {
    it('reads NONE by default and stores KMS', async () => {
      expect((await s.client.send(new GetEncryptionConfigCommand({}))).EncryptionConfig).toEqual({
        Status: 'ACTIVE',
        Type: 'NONE',
      });
      await s.client.send(new PutEncryptionConfigCommand({ Type: 'KMS', KeyId: 'alias/x' }));
      expect(
        (await s.client.send(new GetEncryptionConfigCommand({}))).EncryptionConfig,
      ).toMatchObject({ Type: 'KMS', KeyId: 'alias/x' });
    });
  });

  describe('segment destination', () => {
    it('switches once and refuses a repeat like AWS', async () => {
      expect(await s.client.send(new GetTraceSegmentDestinationCommand({}))).toMatchObject({
        Destination: 'XRay',
        Status: 'ACTIVE',
      });
      await s.client.send(
        new UpdateTraceSegmentDestinationCommand({ Destination: 'CloudWatchLogs' }),
      );
      await expect(
        s.client.send(new UpdateTraceSegmentDestinationCommand({ Destination: 'CloudWatchLogs' })),
      ).rejects.toThrow('The destination is already set to CloudWatchLogs');
    });
  });

  describe('indexing rules', () => {
    it('lists the Default rule', async () => {
      const out = await s.client.send(new GetIndexingRulesCommand({}));
      expect(out.IndexingRules?.[0]).toMatchObject({
        Name: 'Default',
        Rule: { Probabilistic: { DesiredSamplingPercentage: 100 } },
      });
    });
  });

  describe('tags', () => {
    it('tags, lists and untags a resource', async () => {
      const arn = 'arn:aws:xray:us-east-1:000000000000:group/x/ABC';
      await s.client.send(
        new TagResourceCommand({
          ResourceARN: arn,
          Tags: [
            { Key: 'team', Value: 'a' },
            { Key: 'env', Value: 'dev' },
          ],
        }),
      );
      await s.client.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['env'] }));
      expect(
        (await s.client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags,
      ).toEqual([{ Key: 'team', Value: 'a' }]);
    });
  });

  describe('telemetry', () => {
    it('accepts PutTelemetryRecords', async () => {
      const out = await s.client.send(
        new PutTelemetryRecordsCommand({
          TelemetryRecords: [{ Timestamp: new Date(), SegmentsReceivedCount: 1 }],
        }),
      );
      expect(out.$metadata.httpStatusCode).toBe(200);
    });
  });

  describe('sampling', () => {
    it('routes rules and targets to the sampling service', async () => {
      await s.client.send(
        new CreateSamplingRuleCommand({
          SamplingRule: {
            RuleName: 'orders',
            Priority: 10,
            FixedRate: 0.5,
            ReservoirSize: 4,
            ServiceName: 'orders',
            ServiceType: '*',
            Host: '*',
            HTTPMethod: '*',
            URLPath: '*',
            ResourceARN: '*',
            Version: 1,
          },
        }),
      );
      const rules = await s.client.send(new GetSamplingRulesCommand({}));
      expect(rules.SamplingRuleRecords?.map((r) => r.SamplingRule?.RuleName).sort()).toEqual([
        'Default',
        'orders',
      ]);
      const targets = await s.client.send(
        new GetSamplingTargetsCommand({
          SamplingStatisticsDocuments: [
            {
              RuleName: 'orders',
              ClientID: 'a'.repeat(24),
              Timestamp: new Date(),
              RequestCount: 10,
              SampledCount: 5,
              BorrowCount: 0,
            },
          ],
        }),
      );
      expect(targets.SamplingTargetDocuments?.[0]?.RuleName).toBe('orders');
    });

    it('accepts the unsigned empty-body POSTs SDK pollers send (daemon-proxy style)', async () => {
      for (const body of [undefined, '', '{}']) {
        const res = await fetch(`${s.xray.endpoint}/GetSamplingRules`, {
          method: 'POST',
          ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/json');
      }
    });

    it('surfaces sampling validation errors as typed exceptions', async () => {
      await expect(
        s.client.send(
          new CreateSamplingRuleCommand({
            SamplingRule: { RuleName: 'bad', Priority: 0 } as never,
          }),
        ),
      ).rejects.toBeInstanceOf(InvalidRequestException);
    });
  });
});
