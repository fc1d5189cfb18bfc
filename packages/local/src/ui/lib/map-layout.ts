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
export const MAP_METRICS = { radius: 24, charWidth: 7, lineHeight: 16, margin: 24 } as const;

/** Box of a node: its circle above two text lines (label and statistics). */
export function nodeBox(node: MapNode): { width: number; height: number } {
  const text = Math.max(node.label.length, countsLine(node.counts, node.meanSeconds).length);
  const { radius, charWidth, lineHeight } = MAP_METRICS;
  return {
    width: Math.max(2 * radius, text * charWidth) + 8,
    height: 2 * radius + 2 * lineHeight + 6,
  };
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
    ranksep: 110,
    marginx: MAP_METRICS.margin,
    marginy: MAP_METRICS.margin,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of map.nodes) g.setNode(node.key, nodeBox(node));
  for (const edge of map.edges) {
    g.setEdge(edge.from, edge.to, { width: 70, height: 14, labelpos: 'c' });
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
  const edges = map.edges.map((edge): PlacedEdge => {
    const label = g.edge(edge.from, edge.to);
    const points = (label.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...edge, points, labelAt: { x: label.x ?? middle.x, y: label.y ?? middle.y } };
  });
  const graph = g.graph();
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes, edges };
}
