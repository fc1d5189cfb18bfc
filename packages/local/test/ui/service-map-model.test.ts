import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildServiceMap,
  countsLine,
  nodeGlyph,
  nodeKind,
  nodeLabel,
  outcomeShares,
} from '../../src/ui/lib/service-map-model.ts';
import type { ServiceGraphResult } from '../../src/ui/lib/wire-types.ts';

const graph = JSON.parse(
  readFileSync(new URL('./fixtures/service-graph.json', import.meta.url), 'utf8'),
) as ServiceGraphResult;

describe('service map model', () => {
  describe('buildServiceMap', () => {
    const map = buildServiceMap(graph.Services ?? []);

    it('makes one node per service with a reference ID', () => {
      expect(map.nodes.map((n) => [n.key, n.kind, n.label])).toEqual([
        ['0', 'client', 'Client'],
        ['1', 'service', 'orders'],
        ['2', 'inferred', 'order-events'],
        ['3', 'service', 'inventory'],
      ]);
    });

    it('keeps counts, status and mean latency of each node', () => {
      const inventory = map.nodes.find((n) => n.name === 'inventory');
      expect(inventory?.counts).toEqual({ total: 2, ok: 1, error: 0, throttle: 0, fault: 1 });
      expect(inventory?.status).toBe('fault');
      expect(inventory?.meanSeconds).toBeCloseTo(0.15);
      expect(map.nodes.find((n) => n.key === '1')?.root).toBe(true);
    });

    it('gives the client the numbers of its calls into the root services', () => {
      const client = map.nodes.find((n) => n.kind === 'client');
      expect(client?.counts).toEqual({ total: 4, ok: 3, error: 1, throttle: 0, fault: 0 });
      expect(client?.status).toBe('error');
      expect(client?.meanSeconds).toBeCloseTo(0.1);
    });

    it('makes one edge per caller → callee and drops edges to unknown nodes', () => {
      expect(map.edges.map((e) => `${e.from}->${e.to}:${e.status}`)).toEqual([
        '0->1:error',
        '1->2:ok',
        '2->3:throttle',
      ]);
      expect(map.edges[1]?.meanSeconds).toBeCloseTo(0.03);
    });

    it('gives an empty map for no services', () => {
      expect(buildServiceMap([])).toEqual({ nodes: [], edges: [] });
    });
  });

  describe('nodeLabel', () => {
    it('follows an inferred node name with the resources it stands for', () => {
      expect(nodeLabel('SQS', [])).toBe('SQS');
      expect(nodeLabel('SQS', ['shipping-queue'])).toBe('SQS · shipping-queue');
      expect(nodeLabel('SQS', ['a', 'b'])).toBe('SQS · a, b');
      expect(nodeLabel('SQS', ['a', 'b', 'c'])).toBe('SQS · 3 resources');
    });

    it('keeps the resources of a merged node apart in the model', () => {
      const map = buildServiceMap([
        { ReferenceId: 0, Name: 'SQS', Names: ['SQS', 'ship', 'bill'], State: 'unknown' },
      ]);
      expect(map.nodes[0]).toMatchObject({
        label: 'SQS · ship, bill',
        resources: ['ship', 'bill'],
      });
    });
  });

  describe('nodeKind', () => {
    it('tells the client, inferred and instrumented nodes apart', () => {
      expect(nodeKind({ Type: 'client', State: 'unknown' })).toBe('client');
      expect(nodeKind({ Type: 'AWS::SQS::Queue', State: 'unknown' })).toBe('inferred');
      expect(nodeKind({ Type: 'remote' })).toBe('inferred');
      expect(nodeKind({ Type: 'AWS::ECS::Container', State: 'active' })).toBe('service');
    });
  });

  describe('countsLine', () => {
    it('lists requests, errors, throttles, faults and mean latency', () => {
      expect(countsLine({ total: 7, ok: 3, error: 1, throttle: 2, fault: 1 }, 0.0125)).toBe(
        '7 req · 1 err · 2 throttled · 1 fault · 12.5 ms avg',
      );
      expect(countsLine({ total: 0, ok: 0, error: 0, throttle: 0, fault: 0 }, undefined)).toBe(
        '0 req',
      );
    });
  });

  describe('outcomeShares', () => {
    it('splits the ring by outcome, leaving out zero shares', () => {
      expect(outcomeShares({ total: 4, ok: 2, error: 1, throttle: 0, fault: 1 })).toEqual([
        { status: 'ok', share: 0.5 },
        { status: 'error', share: 0.25 },
        { status: 'fault', share: 0.25 },
      ]);
      expect(outcomeShares({ total: 0, ok: 0, error: 0, throttle: 0, fault: 0 })).toEqual([]);
    });
  });

  describe('nodeGlyph', () => {
    it('names the AWS service, Lambda, remote calls and the client', () => {
      expect(nodeGlyph({ kind: 'inferred', type: 'AWS::SNS::Topic', name: 'x' })).toBe('SNS');
      expect(nodeGlyph({ kind: 'inferred', type: 'AWS::DynamoDB::Table', name: 'x' })).toBe('DYN');
      expect(nodeGlyph({ kind: 'service', type: 'AWS::Lambda::Function', name: 'x' })).toBe('λ');
      expect(nodeGlyph({ kind: 'inferred', type: 'remote', name: 'x' })).toBe('www');
      expect(nodeGlyph({ kind: 'client', type: 'client', name: 'x' })).toBe('client');
    });
    it('uses the first letters of an untyped service name', () => {
      expect(nodeGlyph({ kind: 'service', type: '', name: 'my-orders' })).toBe('MY');
      expect(nodeGlyph({ kind: 'service', type: '', name: '--' })).toBe('?');
    });
  });
});
