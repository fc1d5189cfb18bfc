import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  drawnBounds,
  layoutServiceMap,
  nodeBox,
  pointOnCircle,
} from '../../src/ui/lib/map-layout.ts';
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
        const first = e.points[0]!;
        const last = e.points.at(-1)!;
        expect(Math.hypot(first.x - from.x, first.y - from.y)).toBeCloseTo(from.radius + 2);
        expect(Math.hypot(last.x - to.x, last.y - to.y)).toBeCloseTo(to.radius + 4);
        expect(first.x).toBeGreaterThan(from.x);
        expect(last.x).toBeLessThan(to.x);
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
        resources: [],
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

  describe('pointOnCircle', () => {
    it('moves towards the target by the radius', () => {
      expect(pointOnCircle({ x: 10, y: 10 }, 5, { x: 10, y: 100 })).toEqual({ x: 10, y: 15 });
      const p = pointOnCircle({ x: 0, y: 0 }, 2, { x: 3, y: 4 });
      expect(p.x).toBeCloseTo(1.2);
      expect(p.y).toBeCloseTo(1.6);
    });
    it('stays on the centre when the target is the centre', () => {
      expect(pointOnCircle({ x: 1, y: 1 }, 5, { x: 1, y: 1 })).toEqual({ x: 1, y: 1 });
    });
  });

  describe('drawnBounds', () => {
    const laid = layoutServiceMap(buildServiceMap(graph.Services ?? []));
    it('covers every circle and edge route inside the layout', () => {
      const box = drawnBounds(laid);
      for (const n of laid.nodes) {
        expect(n.y - n.radius).toBeGreaterThanOrEqual(box.y);
        expect(n.y + n.radius).toBeLessThanOrEqual(box.y + box.height);
      }
      for (const p of laid.edges.flatMap((e) => e.points)) {
        expect(p.y).toBeGreaterThanOrEqual(box.y);
        expect(p.y).toBeLessThanOrEqual(box.y + box.height);
      }
      expect(box.height).toBeLessThanOrEqual(laid.height);
      expect(box.width).toBe(laid.width);
    });
    it('is empty for an empty layout', () => {
      expect(drawnBounds({ width: 0, height: 0, nodes: [], edges: [] })).toEqual({
        x: 0,
        y: 0,
        width: 0,
        height: 0,
      });
    });
  });
});
