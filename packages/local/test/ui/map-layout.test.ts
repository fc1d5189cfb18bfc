import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutServiceMap, nodeBox } from '../../src/ui/lib/map-layout.ts';
import { buildServiceMap } from '../../src/ui/lib/service-map-model.ts';
import type { ServiceMap } from '../../src/ui/lib/service-map-model.ts';
import type { ServiceGraphResult } from '../../src/ui/lib/wire-types.ts';

const graph = JSON.parse(
  readFileSync(new URL('./fixtures/service-graph.json', import.meta.url), 'utf8'),
) as ServiceGraphResult;

describe('map layout', () => {
  describe('layoutServiceMap', () => {
    const map = buildServiceMap(graph.Services ?? []);
    const laid = layoutServiceMap(map);

    it('places every node inside the drawing', () => {
      expect(laid.nodes).toHaveLength(map.nodes.length);
      for (const n of laid.nodes) {
        expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
        expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width / 2).toBeLessThanOrEqual(laid.width);
        expect(n.y + n.height / 2).toBeLessThanOrEqual(laid.height);
      }
    });

    it('puts callers left of their callees', () => {
      const x = new Map(laid.nodes.map((n) => [n.key, n.x]));
      for (const e of laid.edges) expect(x.get(e.from)!).toBeLessThan(x.get(e.to)!);
    });

    it('keeps nodes from overlapping', () => {
      for (const a of laid.nodes) {
        for (const b of laid.nodes) {
          if (a === b) continue;
          const apart =
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
            Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
          expect(apart).toBe(true);
        }
      }
    });

    it('routes each edge from its caller to its callee', () => {
      const byKey = new Map(laid.nodes.map((n) => [n.key, n]));
      for (const e of laid.edges) {
        expect(e.points.length).toBeGreaterThanOrEqual(2);
        const from = byKey.get(e.from)!;
        const to = byKey.get(e.to)!;
        expect(e.points[0]!.x).toBeCloseTo(from.x + from.width / 2, 0);
        expect(e.points.at(-1)!.x).toBeCloseTo(to.x - to.width / 2, 0);
        expect(e.labelAt.x).toBeGreaterThan(from.x);
        expect(e.labelAt.x).toBeLessThan(to.x);
      }
    });

    it('gives the same layout for the same map', () => {
      expect(layoutServiceMap(map)).toEqual(laid);
    });

    it('lays out an empty map as nothing', () => {
      expect(layoutServiceMap({ nodes: [], edges: [] })).toEqual({
        width: 0,
        height: 0,
        nodes: [],
        edges: [],
      });
    });

    it('survives a cycle and a self call', () => {
      const node = (key: string): ServiceMap['nodes'][number] => ({
        key,
        name: key,
        label: key,
        type: '',
        kind: 'service',
        root: false,
        counts: { total: 1, ok: 1, error: 0, throttle: 0, fault: 0 },
        status: 'ok',
        meanSeconds: 0.01,
      });
      const edge = (from: string, to: string): ServiceMap['edges'][number] => ({
        from,
        to,
        counts: { total: 1, ok: 1, error: 0, throttle: 0, fault: 0 },
        status: 'ok',
        meanSeconds: 0.01,
        edgeType: undefined,
      });
      const cyclic = layoutServiceMap({
        nodes: [node('a'), node('b')],
        edges: [edge('a', 'b'), edge('b', 'a'), edge('a', 'a')],
      });
      expect(cyclic.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
      expect(cyclic.edges).toHaveLength(3);
    });
  });

  describe('nodeBox', () => {
    it('is wide enough for the longer of the name and statistics lines', () => {
      const [client, orders] = buildServiceMap(graph.Services ?? []).nodes;
      const wide = { ...orders!, label: 'a-very-long-service-name-that-needs-room' };
      expect(nodeBox(wide).width).toBeGreaterThan(nodeBox(orders!).width);
      expect(nodeBox(client!).height).toBe(nodeBox(orders!).height);
    });
  });
});
