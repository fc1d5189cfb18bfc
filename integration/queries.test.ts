import { describe, it, expect, beforeAll } from 'vitest';
import {
  BatchGetTracesCommand,
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
  type Service,
} from '@aws-sdk/client-xray';
import { registerMatchers, type ExpectedNode } from '@otel-xray/testing';
import { MAX_RECEIVE_COUNT } from '@otel-xray-services/kit';
import { report, useOrderSystem } from './support/order-system.ts';
import { placeOrder, type PlacedOrder } from './support/orders-api.ts';
import { waitForTree } from './support/trees.ts';

registerMatchers();

const window = (): { StartTime: Date; EndTime: Date } => ({
  StartTime: new Date(Date.now() - 600_000),
  EndTime: new Date(Date.now() + 60_000),
});

/** The full path of a good single-line order, down to the orders callback. */
const shipped: ExpectedNode = {
  service: 'orders',
  children: [
    {
      operation: 'Publish',
      children: [
        {
          children: [
            {
              service: 'inventory',
              children: [
                {
                  operation: 'SendMessage',
                  children: [
                    {
                      children: [
                        { service: 'shipping', children: [{ children: [{ service: 'orders' }] }] },
                      ],
                    },
                  ],
                },
              ],
            },
            { service: 'audit' },
          ],
        },
      ],
    },
  ],
};

describe("the seed's queries", () => {
  const ctx = useOrderSystem('queries');
  const placed: Record<
    'standard' | 'enterprise' | 'enterpriseFault' | 'enterprisePoison',
    PlacedOrder
  > = {} as never;

  beforeAll(async () => {
    const url = ctx.system.ordersUrl;
    placed.standard = await placeOrder(url, {
      customerId: 'c-std',
      lines: [{ sku: 'sku-apple', qty: 1 }],
    });
    placed.enterprise = await placeOrder(url, {
      customerId: 'c-ent',
      customerTier: 'enterprise',
      lines: [{ sku: 'sku-pear', qty: 1 }],
    });
    // a fault at the root: the publish fails, POST /orders answers 500
    placed.enterpriseFault = await placeOrder(
      url,
      { customerId: 'c-ent', customerTier: 'enterprise', lines: [{ sku: 'sku-fig', qty: 1 }] },
      { 'x-demo-fault': 'publish' },
    );
    // a fault downstream only: inventory rejects it (POST /orders answers 201)
    placed.enterprisePoison = await placeOrder(url, {
      customerId: 'c-ent',
      customerTier: 'enterprise',
      lines: [{ sku: 'sku-nope', qty: 1 }],
    });
    expect(placed.enterpriseFault.status).toBe(500);
    const opts = (p: PlacedOrder) => ({ xray: ctx.client, since: p.endedAt });
    await waitForTree('standard', placed.standard.traceId, shipped, opts(placed.standard));
    await waitForTree('enterprise', placed.enterprise.traceId, shipped, opts(placed.enterprise));
    await waitForTree(
      'enterprise, publish fails',
      placed.enterpriseFault.traceId,
      { service: 'orders', fault: true, children: [{ operation: 'Publish', error: true }] },
      opts(placed.enterpriseFault),
    );
    await waitForTree(
      'enterprise, poison',
      placed.enterprisePoison.traceId,
      {
        service: 'orders',
        children: [
          {
            operation: 'Publish',
            children: [
              {
                children: Array(MAX_RECEIVE_COUNT).fill({ service: 'inventory', fault: true }),
              },
            ],
          },
        ],
      },
      opts(placed.enterprisePoison),
    );
  });

  const find = async (filter: string): Promise<string[]> => {
    const out = await ctx.client.send(
      new GetTraceSummariesCommand({ ...window(), FilterExpression: filter }),
    );
    const ids = (out.TraceSummaries ?? []).map((s) => s.Id ?? '');
    report(`[queries] ${filter} → ${ids.length} trace(s)`);
    return ids.sort();
  };
  const ids = (...keys: Array<keyof typeof placed>): string[] =>
    keys.map((k) => placed[k].traceId).sort();

  describe('GetTraceSummaries', () => {
    it('annotation.customer_tier = "enterprise" AND fault = true finds the enterprise request that faulted', async () => {
      expect(await find('annotation.customer_tier = "enterprise" AND fault = true')).toEqual(
        ids('enterpriseFault'),
      );
      // `fault` is the root's flag; a downstream fault needs a service block
      expect(
        await find('annotation.customer_tier = "enterprise" AND service("inventory") { fault }'),
      ).toEqual(ids('enterprisePoison'));
    });

    it('http.url CONTAINS "/orders" finds every order request', async () => {
      expect(await find('http.url CONTAINS "/orders"')).toEqual(
        ids('standard', 'enterprise', 'enterpriseFault', 'enterprisePoison'),
      );
    });

    it('service("orders") AND duration > 0 finds every trace through orders', async () => {
      expect(await find('service("orders") AND duration > 0')).toEqual(
        ids('standard', 'enterprise', 'enterpriseFault', 'enterprisePoison'),
      );
      expect(await find('service("shipping")')).toEqual(ids('standard', 'enterprise'));
    });
  });

  describe('BatchGetTraces', () => {
    it('returns the full trace of an ID a query found', async () => {
      const [id] = await find('annotation.customer_tier = "enterprise" AND fault = true');
      const out = await ctx.client.send(new BatchGetTracesCommand({ TraceIds: [id!] }));
      expect(out.Traces?.map((t) => t.Id)).toEqual([id]);
      const docs = (out.Traces?.[0]?.Segments ?? []).map(
        (s) => JSON.parse(s.Document ?? '{}') as Record<string, unknown>,
      );
      expect(out).toHaveTraceTree({
        service: 'orders',
        fault: true,
        http: { status: 500 },
        annotations: { customer_tier: 'enterprise' },
      });
      const root = docs.find((d) => d.name === 'orders' && d.parent_id === undefined);
      expect(root?.trace_id).toBe(id);
    });
  });

  describe('GetServiceGraph', () => {
    it('gives each service its request count and error/fault rates', async () => {
      const graph = await ctx.client.send(new GetServiceGraphCommand(window()));
      const byName = new Map(
        (graph.Services ?? []).filter((s) => s.Type !== 'client').map((s) => [s.Name, s]),
      );
      const rates = (s: Service | undefined) => {
        const total = s?.SummaryStatistics?.TotalCount ?? 0;
        const faults = s?.SummaryStatistics?.FaultStatistics?.TotalCount ?? 0;
        const errors = s?.SummaryStatistics?.ErrorStatistics?.TotalCount ?? 0;
        return { total, faults, errors, faultRate: total ? faults / total : 0 };
      };
      const table = ['orders', 'inventory', 'shipping', 'audit'].map((n) => ({
        service: n,
        ...rates(byName.get(n)),
      }));
      report(
        `[queries] service graph:\n${table.map((r) => `  ${r.service.padEnd(10)} requests ${r.total}  faults ${r.faults}  errors ${r.errors}  fault rate ${(r.faultRate * 100).toFixed(1)} %`).join('\n')}`,
      );
      // orders: 4 POST /orders (one 500) + 2 callbacks; inventory: 2 good + 3 poison attempts
      expect(table).toEqual([
        { service: 'orders', total: 6, faults: 1, errors: 0, faultRate: 1 / 6 },
        {
          service: 'inventory',
          total: 2 + MAX_RECEIVE_COUNT,
          faults: MAX_RECEIVE_COUNT,
          errors: 0,
          faultRate: MAX_RECEIVE_COUNT / (2 + MAX_RECEIVE_COUNT),
        },
        { service: 'shipping', total: 2, faults: 0, errors: 0, faultRate: 0 },
        { service: 'audit', total: 3, faults: 0, errors: 0, faultRate: 0 },
      ]);
      expect(graph).toHaveServiceGraphEdge(
        'inventory',
        { type: 'AWS::SQS::Queue' },
        { minCount: 2 },
      );
    });
  });
});
