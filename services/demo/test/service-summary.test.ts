import { describe, it, expect } from 'vitest';
import {
  formatEdgeList,
  formatServiceTable,
  histogramQuantile,
  summarizeEdges,
  summarizeServices,
  type GraphNode,
} from '../src/service-summary.ts';
import { MAX_COLUMNS, columns } from '../src/line-width.ts';

// GetServiceGraph as the local X-Ray answers it for the demo: the client (named after the
// service it calls), the services, one SNS node for both topics (X-Ray's name for the call) with
// the topics in its Names, and the SQS queue
const GRAPH: GraphNode[] = [
  {
    ReferenceId: 0,
    Name: 'orders',
    Type: 'client',
    Edges: [
      {
        ReferenceId: 1,
        SummaryStatistics: {
          TotalCount: 6,
          ErrorStatistics: { TotalCount: 1 },
          FaultStatistics: { TotalCount: 1 },
        },
        ResponseTimeHistogram: [
          { Value: 0.002, Count: 1 },
          { Value: 0.1, Count: 5 },
        ],
      },
    ],
  },
  {
    ReferenceId: 1,
    Name: 'orders',
    SummaryStatistics: { TotalCount: 11 },
    Edges: [{ ReferenceId: 3 }],
  },
  { ReferenceId: 2, Name: 'inventory', Edges: [{ ReferenceId: 5 }] },
  {
    ReferenceId: 3,
    Name: 'SNS',
    Names: ['SNS', 'demo-mxcd7jpx-orders', 'demo-mxcd7jpx-orders-does-not-exist'],
    Type: 'AWS::SNS',
    Edges: [{ ReferenceId: 2 }, { ReferenceId: 6 }],
  },
  {
    ReferenceId: 5,
    Name: 'SQS',
    Names: ['SQS', 'demo-mxcd7jpx-shipping'],
    Type: 'AWS::SQS::Queue',
  },
  { ReferenceId: 6, Name: 'audit' },
];

describe('service-summary', () => {
  describe('histogramQuantile', () => {
    it('returns the smallest value whose cumulative count reaches the quantile', () => {
      const h = [
        { Value: 0.3, Count: 1 },
        { Value: 0.1, Count: 8 },
        { Value: 0.2, Count: 1 },
      ];
      expect(histogramQuantile(h, 0.5)).toBe(0.1);
      expect(histogramQuantile(h, 0.85)).toBe(0.2);
      expect(histogramQuantile(h, 0.99)).toBe(0.3);
    });

    it('is undefined for an empty histogram and ignores entries without a count', () => {
      expect(histogramQuantile([], 0.5)).toBeUndefined();
      expect(histogramQuantile([{ Value: 1, Count: 0 }, { Value: 2 }], 0.5)).toBeUndefined();
    });
  });

  describe('summarizeServices', () => {
    it('computes rates per node and lists services before inferred resources', () => {
      const rows = summarizeServices([
        {
          Name: 'q',
          Type: 'AWS::SQS::Queue',
          SummaryStatistics: { TotalCount: 2 },
        },
        {
          Name: 'inventory',
          SummaryStatistics: {
            TotalCount: 4,
            FaultStatistics: { TotalCount: 1 },
            ErrorStatistics: { TotalCount: 2 },
          },
          ResponseTimeHistogram: [{ Value: 0.01, Count: 4 }],
        },
      ]);
      expect(rows).toEqual([
        {
          name: 'inventory',
          type: 'service',
          requests: 4,
          errorRate: 0.5,
          faultRate: 0.25,
          p50: 0.01,
          p99: 0.01,
        },
        {
          name: 'q',
          type: 'AWS::SQS::Queue',
          requests: 2,
          errorRate: 0,
          faultRate: 0,
          p50: undefined,
          p99: undefined,
        },
      ]);
    });

    it('puts the client first, named client, with the numbers of its calls', () => {
      const rows = summarizeServices(GRAPH);
      expect(rows.map((r) => r.name)).toEqual([
        'client',
        'audit',
        'inventory',
        'orders',
        'SNS (2 resources)',
        'SQS (demo-mxcd7jpx-shipping)',
      ]);
      expect(rows[0]).toEqual({
        name: 'client',
        type: 'client',
        requests: 6,
        errorRate: 1 / 6,
        faultRate: 1 / 6,
        p50: 0.1,
        p99: 0.1,
      });
    });
  });

  describe('inferred node labels', () => {
    it('follows the call name with the one resource a node stands for', () => {
      const rows = summarizeServices([
        {
          ReferenceId: 0,
          Name: 'DynamoDB',
          Names: ['DynamoDB', 'orders'],
          Type: 'AWS::DynamoDB::Table',
        },
        { ReferenceId: 1, Name: 'SNS', Names: ['SNS', 'a', 'b'], Type: 'AWS::SNS' },
        { ReferenceId: 2, Name: 'billing', Names: ['billing', 'billing-v2'] },
      ]);
      expect(rows.map((r) => r.name)).toEqual(['billing', 'DynamoDB (orders)', 'SNS (a; b)']);
    });
  });

  describe('Lambda node labels', () => {
    it("tells a function's two nodes apart by a word", () => {
      const graph = [
        {
          ReferenceId: 0,
          Name: 'notify',
          Names: ['notify'],
          Type: 'AWS::Lambda',
          Edges: [{ ReferenceId: 1 }],
        },
        { ReferenceId: 1, Name: 'notify', Names: ['notify'], Type: 'AWS::Lambda::Function' },
      ];
      const rows = summarizeServices(graph);
      expect(rows.map((r) => r.name)).toEqual(['notify (function)', 'notify (Lambda)']);
      expect(summarizeEdges(graph, rows)).toEqual([
        { from: 'notify (Lambda)', to: 'notify (function)' },
      ]);
    });
  });

  describe('summarizeEdges', () => {
    it('names both ends as the table does, callers in table order', () => {
      expect(summarizeEdges(GRAPH, summarizeServices(GRAPH))).toEqual([
        { from: 'client', to: 'orders' },
        { from: 'inventory', to: 'SQS (demo-mxcd7jpx-shipping)' },
        { from: 'orders', to: 'SNS (2 resources)' },
        { from: 'SNS (2 resources)', to: 'audit' },
        { from: 'SNS (2 resources)', to: 'inventory' },
      ]);
    });

    it('has every end of every edge as a row of the table', () => {
      const rows = summarizeServices(GRAPH);
      const names = new Set(rows.map((r) => r.name));
      for (const { from, to } of summarizeEdges(GRAPH, rows)) {
        expect(names).toContain(from);
        expect(names).toContain(to);
      }
    });
  });

  describe('formatEdgeList', () => {
    it('writes one line per caller with the callers aligned', () => {
      expect(formatEdgeList(summarizeEdges(GRAPH, summarizeServices(GRAPH)))).toEqual([
        'client            → orders',
        'inventory         → SQS (demo-mxcd7jpx-shipping)',
        'orders            → SNS (2 resources)',
        'SNS (2 resources) → audit, inventory',
      ]);
    });

    it('wraps a long list of callees under the first one', () => {
      const edges = Array.from({ length: 8 }, (_, i) => ({
        from: 'hub',
        to: `callee-number-${i}`,
      }));
      const lines = formatEdgeList(edges);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(MAX_COLUMNS - 2);
      expect(lines[1]).toMatch(/^ {6}callee-number-/);
    });
  });

  describe('formatServiceTable', () => {
    it('aligns the columns and writes percentages and durations', () => {
      const text = formatServiceTable([
        {
          name: 'orders',
          type: 'service',
          requests: 11,
          errorRate: 1 / 11,
          faultRate: 0,
          p50: 0.009,
          p99: 1.5,
        },
      ]);
      expect(text.split('\n')).toEqual([
        'node    type     requests  errors  faults     p50     p99',
        'orders  service        11   9.1 %   0.0 %  9.0 ms  1.50 s',
      ]);
    });

    it("fits the demo's map in the width (two columns of indent included)", () => {
      const rows = summarizeServices(GRAPH).map((r) => ({ ...r, p50: 0.1234, p99: 0.1234 }));
      const lines = formatServiceTable(rows).split('\n');
      expect(lines[1]).toMatch(
        /client {2,}client {2,}6 {2,}16\.7 % {2,}16\.7 % {2,}123 ms {2,}123 ms$/,
      );
      for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(MAX_COLUMNS - 2);
    });
  });
});
