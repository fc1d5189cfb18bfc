import {
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  GetGroupsCommand,
  GetServiceGraphCommand,
  GetTimeSeriesServiceStatisticsCommand,
  GetTraceGraphCommand,
  GetTraceSummariesCommand,
  InvalidRequestException,
  UpdateGroupCommand,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTrace, nowSeconds } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const t0 = nowSeconds() - 120;
let faulty: ReturnType<typeof demoTrace>;
let healthy: ReturnType<typeof demoTrace>;

beforeAll(async () => {
  s = await startTestServer();
  faulty = demoTrace(t0, { fault: true, orderId: 'o-fault' });
  healthy = demoTrace(t0 + 5, { orderId: 'o-ok' });
  await s.put([...faulty.documents, ...healthy.documents]);
});
afterAll(() => s.close());

const window = () => ({
  StartTime: new Date((t0 - 60) * 1000),
  EndTime: new Date((t0 + 60) * 1000),
});

describe('local X-Ray graphs', () => {
  describe('GetServiceGraph', () => {
    it('returns instrumented, inferred and client nodes with edges and statistics', async () => {
      const out = await s.client.send(new GetServiceGraphCommand(window()));
      const byName = new Map(
        out.Services?.filter((n) => n.Type !== 'client').map((n) => [n.Name, n]),
      );
      const client = out.Services?.find((n) => n.Type === 'client');
      const ref = (name: string) => byName.get(name)?.ReferenceId;
      expect([...byName.keys()].sort()).toEqual(['SNS', 'SQS', 'inventory', 'orders', 'shipping']);
      expect(client).toMatchObject({ Name: 'orders', State: 'unknown' });
      expect(client?.Edges?.map((e) => e.ReferenceId)).toEqual([ref('orders')]);
      expect(byName.get('orders')).toMatchObject({
        Root: true,
        State: 'active',
        Type: 'AWS::ECS::Container',
      });
      expect(byName.get('SNS')).toMatchObject({
        Type: 'AWS::SNS',
        Names: ['SNS', 'orders-topic'],
        State: 'unknown',
      });
      expect(byName.get('SQS')).toMatchObject({
        Type: 'AWS::SQS::Queue',
        Names: ['SQS', 'shipping-queue'],
      });
      expect(byName.get('orders')?.Edges?.map((e) => e.ReferenceId)).toEqual([ref('SNS')]);
      expect(byName.get('SNS')?.Edges?.map((e) => e.ReferenceId)).toEqual([ref('inventory')]);
      expect(byName.get('inventory')?.Edges?.map((e) => e.ReferenceId)).toEqual([ref('SQS')]);
      expect(byName.get('SQS')?.Edges?.map((e) => e.ReferenceId)).toEqual([ref('shipping')]);
      const inv = byName.get('inventory')?.SummaryStatistics;
      expect(inv).toMatchObject({ TotalCount: 2, OkCount: 1, FaultStatistics: { TotalCount: 1 } });
      expect(inv?.TotalResponseTime).toBeCloseTo(1.0, 5);
      expect(byName.get('inventory')?.ResponseTimeHistogram).toEqual([{ Value: 0.5, Count: 2 }]);
      const edge = byName.get('orders')?.Edges?.[0];
      expect(edge?.SummaryStatistics?.TotalCount).toBe(2);
      expect(edge?.ResponseTimeHistogram?.[0]?.Value).toBeCloseTo(0.1, 3);
    });

    it('applies a group filter first', async () => {
      await s.client.send(
        new CreateGroupCommand({
          GroupName: 'faults',
          FilterExpression: 'service("inventory") { fault }',
        }),
      );
      const out = await s.client.send(
        new GetServiceGraphCommand({ ...window(), GroupName: 'faults' }),
      );
      const inv = out.Services?.find((n) => n.Name === 'inventory');
      expect(inv?.SummaryStatistics?.TotalCount).toBe(1);
    });
  });

  describe('GetTraceGraph', () => {
    it('returns the graph of the given traces only', async () => {
      const out = await s.client.send(new GetTraceGraphCommand({ TraceIds: [faulty.trace] }));
      const orders = out.Services?.find((n) => n.Name === 'orders' && n.Type !== 'client');
      expect(orders?.SummaryStatistics?.TotalCount).toBe(1);
    });
  });

  describe('GetTimeSeriesServiceStatistics', () => {
    it('buckets a selected service by Period', async () => {
      const out = await s.client.send(
        new GetTimeSeriesServiceStatisticsCommand({
          ...window(),
          Period: 60,
          EntitySelectorExpression: 'service("inventory")',
        }),
      );
      const total = out.TimeSeriesServiceStatistics?.reduce(
        (n, p) => n + (p.ServiceSummaryStatistics?.TotalCount ?? 0),
        0,
      );
      expect(total).toBe(2);
      expect(out.TimeSeriesServiceStatistics?.[0]?.Timestamp).toBeInstanceOf(Date);
    });

    it('buckets an edge', async () => {
      const out = await s.client.send(
        new GetTimeSeriesServiceStatisticsCommand({
          ...window(),
          EntitySelectorExpression: 'edge("orders", "SNS")',
        }),
      );
      // buckets sit on period boundaries: the two calls may fall into neighbouring minutes
      const total = out.TimeSeriesServiceStatistics?.reduce(
        (n, p) => n + (p.EdgeSummaryStatistics?.TotalCount ?? 0),
        0,
      );
      expect(total).toBe(2);
    });

    it('refuses a malformed selector', async () => {
      await expect(
        s.client.send(
          new GetTimeSeriesServiceStatisticsCommand({
            ...window(),
            EntitySelectorExpression: 'service(',
          }),
        ),
      ).rejects.toBeInstanceOf(InvalidRequestException);
    });
  });

  describe('GetTraceSummaries with a filter', () => {
    it('matches service blocks and annotations', async () => {
      const out = await s.client.send(
        new GetTraceSummariesCommand({
          ...window(),
          FilterExpression: 'service("inventory") { fault } AND annotation.order_id = "o-fault"',
        }),
      );
      expect(out.TraceSummaries?.map((t) => t.Id)).toEqual([faulty.trace]);
      const ok = await s.client.send(
        new GetTraceSummariesCommand({
          ...window(),
          FilterExpression: '!service("inventory") { fault }',
        }),
      );
      expect(ok.TraceSummaries?.map((t) => t.Id)).toEqual([healthy.trace]);
    });

    it('answers a malformed expression with InvalidRequestException naming the position', async () => {
      const error = await s.client
        .send(
          new GetTraceSummariesCommand({ ...window(), FilterExpression: 'annotation.order_id = ' }),
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestException);
      expect((error as Error).message).toMatch(/position \d+/);
    });

    it('resolves group.name through the group store', async () => {
      const out = await s.client.send(
        new GetTraceSummariesCommand({ ...window(), FilterExpression: 'group.name = "faults"' }),
      );
      expect(out.TraceSummaries?.map((t) => t.Id)).toEqual([faulty.trace]);
    });
  });

  describe('groups', () => {
    it('creates, reads, updates and deletes a group with an ARN', async () => {
      const created = await s.client.send(
        new CreateGroupCommand({ GroupName: 'slow', FilterExpression: 'responsetime > 5' }),
      );
      expect(created.Group?.GroupARN).toMatch(
        /^arn:aws:xray:us-east-1:000000000000:group\/slow\/[A-Z0-9_-]+$/,
      );
      const got = await s.client.send(new GetGroupCommand({ GroupARN: created.Group?.GroupARN }));
      expect(got.Group?.FilterExpression).toBe('responsetime > 5');
      const updated = await s.client.send(
        new UpdateGroupCommand({ GroupName: 'slow', FilterExpression: 'responsetime > 9' }),
      );
      expect(updated.Group?.FilterExpression).toBe('responsetime > 9');
      const all = await s.client.send(new GetGroupsCommand({}));
      expect(all.Groups?.map((g) => g.GroupName)).toEqual(
        expect.arrayContaining(['Default', 'slow']),
      );
      await s.client.send(new DeleteGroupCommand({ GroupName: 'slow' }));
      await expect(
        s.client.send(new GetGroupCommand({ GroupName: 'slow' })),
      ).rejects.toBeInstanceOf(InvalidRequestException);
    });

    it('refuses duplicates, the reserved Default name and bad filters', async () => {
      await expect(
        s.client.send(new CreateGroupCommand({ GroupName: 'Default' })),
      ).rejects.toBeInstanceOf(InvalidRequestException);
      await expect(s.client.send(new CreateGroupCommand({ GroupName: 'faults' }))).rejects.toThrow(
        'Group already exists',
      );
      await expect(
        s.client.send(
          new CreateGroupCommand({ GroupName: 'bad', FilterExpression: 'fault AND (' }),
        ),
      ).rejects.toBeInstanceOf(InvalidRequestException);
    });
  });
});
