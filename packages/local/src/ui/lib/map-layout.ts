// Layout adapter: the service map model → positions from dagre (a layered graph layout), as plain
// numbers the SVG view draws. The browser loads the same dagre ES module through an import map.
import * as dagreModule from '@dagrejs/dagre';
import { countsLine } from './service-map-model.ts';
import type { MapEdge, MapNode, ServiceMap } from './service-map-model.ts';

/** A point in map coordinates (pixels). */
export interface Point {
  x: number;
  y: number;
}

/** A node with its box: centre (`x`, `y`), size, and the circle radius drawn at its top. */
export interface PlacedNode extends MapNode {
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
}

/** An edge with its route and the centre of its label. */
export interface PlacedEdge extends MapEdge {
  points: Point[];
  labelAt: Point;
}

/** The laid-out map and the size of its drawing. */
export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

// dagre 3.1's bundled .d.ts files use extension-less relative imports, which NodeNext resolution
// cannot follow, so its types arrive as `any`. This is the part of its API the adapter uses.
interface DagreGraph {
  setGraph(label: Record<string, unknown>): void;
  setDefaultEdgeLabel(make: () => object): void;
  setNode(key: string, label: { width: number; height: number }): void;
  setEdge(from: string, to: string, label: Record<string, unknown>): void;
  node(key: string): { x: number; y: number; width: number; height: number };
  edge(from: string, to: string): { points?: Point[]; x?: number; y?: number };
  graph(): { width?: number; height?: number };
}
const dagre = dagreModule as unknown as {
  graphlib: { Graph: new (options?: { multigraph?: boolean }) => DagreGraph };
  layout(graph: DagreGraph): void;
};

/** Sizes used to reserve room for labels; the view uses the same numbers. */
export const MAP_METRICS = {
  radius: 24,
  /** Average glyph width of the 13 px bold name line. */
  nameCharWidth: 8.2,
  /** Average glyph width of the 11 px statistics line. */
  statsCharWidth: 6.9,
  lineHeight: 16,
  margin: 24,
} as const;

/**
 * Box of a node: its circle at the centre, two text lines (label and statistics) below it, and
 * as much room above, so that edges, which dagre aims at box centres, meet the circle.
 */
export function nodeBox(node: MapNode): { width: number; height: number } {
  const { radius, nameCharWidth, statsCharWidth, lineHeight } = MAP_METRICS;
  const text = Math.max(
    node.label.length * nameCharWidth,
    countsLine(node.counts, node.meanSeconds).length * statsCharWidth,
  );
  return {
    width: Math.max(2 * radius, text) + 8,
    height: 2 * (radius + 2 * lineHeight + 4),
  };
}

/** Moves `from` onto the circle of radius `r` around it, towards `toward`. */
export function pointOnCircle(centre: Point, r: number, toward: Point): Point {
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return centre;
  return { x: centre.x + (dx / length) * r, y: centre.y + (dy / length) * r };
}

/**
 * Lays the map out left to right (callers left of callees). Deterministic for the same input.
 * An empty map gives a zero-size layout.
 */
export function layoutServiceMap(map: ServiceMap): MapLayout {
  if (map.nodes.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({
    rankdir: 'LR',
    nodesep: 36,
    ranksep: 40,
    marginx: MAP_METRICS.margin,
    marginy: MAP_METRICS.margin,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of map.nodes) g.setNode(node.key, nodeBox(node));
  for (const edge of map.edges) {
    g.setEdge(edge.from, edge.to, { width: 56, height: 14, labelpos: 'c' });
  }
  dagre.layout(g);
  const nodes = map.nodes.map((node): PlacedNode => {
    const box = g.node(node.key);
    return {
      ...node,
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      radius: MAP_METRICS.radius,
    };
  });
  const centre = new Map(nodes.map((n) => [n.key, { x: n.x, y: n.y }]));
  const edges = map.edges.map((edge): PlacedEdge => {
    const label = g.edge(edge.from, edge.to);
    const points = (label.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    // dagre ends edges on the box border; pull both ends onto the node circles.
    const from = centre.get(edge.from);
    const to = centre.get(edge.to);
    const second = points[1];
    const beforeLast = points[points.length - 2];
    if (from !== undefined && second !== undefined && edge.from !== edge.to) {
      points[0] = pointOnCircle(from, MAP_METRICS.radius + 2, second);
    }
    if (to !== undefined && beforeLast !== undefined && edge.from !== edge.to) {
      points[points.length - 1] = pointOnCircle(to, MAP_METRICS.radius + 4, beforeLast);
    }
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...edge, points, labelAt: { x: label.x ?? middle.x, y: label.y ?? middle.y } };
  });
  const graph = g.graph();
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes, edges };
}

/**
 * The drawn area of a layout: circles, their two text lines and edge routes, plus the margin.
 * Node boxes reserve empty room above each circle; the view box leaves it out.
 */
export function drawnBounds(map: MapLayout): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  if (map.nodes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const { radius, lineHeight, margin } = MAP_METRICS;
  let top = Infinity;
  let bottom = -Infinity;
  for (const n of map.nodes) {
    top = Math.min(top, n.y - radius);
    bottom = Math.max(bottom, n.y + radius + 2 * lineHeight + 4);
  }
  for (const e of map.edges) {
    for (const p of e.points) {
      top = Math.min(top, p.y);
      bottom = Math.max(bottom, p.y);
    }
    top = Math.min(top, e.labelAt.y - lineHeight);
  }
  const y = Math.max(0, top - margin);
  return { x: 0, y, width: map.width, height: Math.min(map.height, bottom + margin) - y };
}
