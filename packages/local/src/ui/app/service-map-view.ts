/// <reference lib="dom" />
// Draws the laid-out service map as SVG: nodes with an outcome ring, edges with arrows and mean
// latency. Clicking a node asks for its traces.
import { formatDurationMs } from '../lib/format.ts';
import { drawnBounds } from '../lib/map-layout.ts';
import type { MapLayout } from '../lib/map-layout.ts';
import { countsLine, nodeGlyph, outcomeShares } from '../lib/service-map-model.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import { arcPath, routePath } from '../lib/svg-geometry.ts';
import { h, replace, s } from './dom.ts';

function arrowMarker(): SVGElement {
  return s(
    'marker',
    {
      id: 'arrow',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    },
    undefined,
    s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#9aa5b4' }),
  );
}

/** Renders the map into `host`; `onNode` gets the clicked node's name. */
export function renderServiceMap(
  host: HTMLElement,
  map: MapLayout,
  onNode: (name: string) => void,
): void {
  if (map.nodes.length === 0) {
    replace(host, h('p', { class: 'empty' }, 'No traces in this window yet.'));
    return;
  }
  const byKey = new Map(map.nodes.map((n) => [n.key, n]));
  const edges = map.edges.map((edge) => {
    const from = byKey.get(edge.from)?.name ?? edge.from;
    const to = byKey.get(edge.to)?.name ?? edge.to;
    const classes = ['map-edge', edge.status, edge.edgeType === 'link' ? 'link' : '']
      .join(' ')
      .trim();
    return s(
      'g',
      {},
      { class: classes, data: { from, to } },
      s('title', {}, undefined, `${from} → ${to}`),
      s('path', { d: routePath(edge.points), 'marker-end': 'url(#arrow)' }),
      s(
        'text',
        { x: edge.labelAt.x, y: edge.labelAt.y - 6 },
        undefined,
        edge.meanSeconds === undefined ? '' : formatDurationMs(edge.meanSeconds),
      ),
    );
  });
  const nodes = map.nodes.map((node) => {
    const cy = node.y;
    let turn = 0;
    const ring = outcomeShares(node.counts).map(({ status, share }) => {
      const arc = s('path', {
        d: arcPath(node.x, cy, node.radius, turn, turn + share),
        fill: 'none',
        stroke: STATUS_COLOURS[status],
        'stroke-width': 5,
      });
      turn += share;
      return arc;
    });
    return s(
      'g',
      {},
      {
        class: `map-node ${node.kind}`,
        data: {
          name: node.name,
          type: node.type,
          kind: node.kind,
          status: node.status,
          resources: node.resources.join(' '),
        },
        onClick: () => onNode(node.name),
      },
      s('title', {}, undefined, [node.name, node.type, ...node.resources].join('\n')),
      s('circle', { class: 'hub', cx: node.x, cy, r: node.radius - 3 }),
      ...ring,
      s('text', { class: 'glyph', x: node.x, y: cy }, undefined, nodeGlyph(node)),
      s('text', { class: 'name', x: node.x, y: cy + node.radius + 16 }, undefined, node.label),
      s(
        'text',
        { class: 'stats', x: node.x, y: cy + node.radius + 31 },
        undefined,
        countsLine(node.counts, node.meanSeconds),
      ),
    );
  });
  const box = drawnBounds(map);
  const svg = s(
    'svg',
    {
      width: Math.ceil(box.width),
      height: Math.ceil(box.height),
      viewBox: `${box.x} ${Math.floor(box.y)} ${Math.ceil(box.width)} ${Math.ceil(box.height)}`,
    },
    { attrs: { role: 'img', 'aria-label': 'Service map' } },
    s('defs', {}, undefined, arrowMarker()),
    ...edges,
    ...nodes,
  );
  // Wide maps shrink to fit the card, but not below 80 %: past that the card scrolls instead,
  // so names stay readable.
  svg.style.minWidth = `${Math.ceil(box.width * 0.8)}px`;
  replace(host, svg);
}
