/// <reference lib="dom" />
// Draws the laid-out service map as SVG: nodes with an outcome ring, edges with arrows and mean
// latency. Clicking a node or an edge opens its panel. The wheel zooms about the cursor, a drag
// on the map pans it, and Fit / + / − buttons do the same by click; the view survives redraws
// until Fit.
import { formatDurationMs } from '../lib/format.ts';
import { drawnBounds } from '../lib/map-layout.ts';
import type { MapLayout } from '../lib/map-layout.ts';
import { countsLine, nodeGlyph, outcomeShares } from '../lib/service-map-model.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import { formatViewBox, panBy, screenToMap, unitsPerPixel, zoomAt } from '../lib/map-view-box.ts';
import type { ViewBox } from '../lib/map-view-box.ts';
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
    s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }),
  );
}

/** What a click on the map opens: a node by its key, an edge by its ends' keys. */
export interface MapClicks {
  onNode: (key: string) => void;
  onEdge: (from: string, to: string) => void;
}

/** Renders the map into `host`; clicks on nodes and edges go to `clicks`. */
export function renderServiceMap(host: HTMLElement, map: MapLayout, clicks: MapClicks): void {
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
      { class: classes, data: { from, to }, onClick: () => clicks.onEdge(edge.from, edge.to) },
      s('title', {}, undefined, `${from} → ${to}`),
      s('path', { d: routePath(edge.points), 'marker-end': 'url(#arrow)' }),
      // A wider invisible stroke, so the thin edge is easy to click.
      s('path', { d: routePath(edge.points), class: 'hit' }),
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
        onClick: () => clicks.onNode(node.key),
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
  const bounds = drawnBounds(map);
  const fit: ViewBox = {
    x: bounds.x,
    y: Math.floor(bounds.y),
    width: Math.ceil(bounds.width),
    height: Math.ceil(bounds.height),
  };
  const kept = views.get(host);
  // A map the user moved keeps its view; otherwise each redraw fits the (maybe larger) map.
  const box = kept?.moved === true ? kept.box : fit;
  const svg = s(
    'svg',
    {
      width: fit.width,
      height: fit.height,
      viewBox: formatViewBox(box),
      preserveAspectRatio: 'xMidYMid meet',
    },
    { attrs: { role: 'img', 'aria-label': 'Service map' } },
    s('defs', {}, undefined, arrowMarker()),
    ...edges,
    ...nodes,
  );
  const view = { box, moved: kept?.moved === true };
  views.set(host, view);
  const show = (next: ViewBox, moved: boolean): void => {
    view.box = next;
    view.moved = moved;
    svg.setAttribute('viewBox', formatViewBox(next));
    svg.setAttribute('data-zoom', (fit.width / next.width).toFixed(2));
  };
  show(box, view.moved);
  const zoomCentre = (factor: number): void =>
    show(
      zoomAt(
        view.box,
        factor,
        { x: view.box.x + view.box.width / 2, y: view.box.y + view.box.height / 2 },
        fit,
      ),
      true,
    );
  const button = (label: string, name: string, title: string, act: () => void): HTMLElement => {
    const b = h(
      'button',
      { class: name, attrs: { type: 'button', title, 'aria-label': title } },
      label,
    );
    b.addEventListener('click', act);
    return b;
  };
  replace(
    host,
    h(
      'div',
      { class: 'map-controls' },
      button('+', 'zoom-in', 'Zoom in', () => zoomCentre(1.25)),
      button('−', 'zoom-out', 'Zoom out', () => zoomCentre(0.8)),
      button('Fit', 'fit', 'Fit the whole map', () => show(fit, false)),
    ),
    svg,
  );
  zoomable(svg, view, fit, show);
}

/** Each map host's view: the box shown, and whether the user zoomed or panned it. */
const views = new WeakMap<HTMLElement, { box: ViewBox; moved: boolean }>();

/** A drag shorter than this (pixels) is a click. */
const DRAG_PX = 4;

function zoomable(
  svg: SVGElement,
  view: { box: ViewBox },
  fit: ViewBox,
  show: (box: ViewBox, moved: boolean) => void,
): void {
  svg.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const at = screenToMap(view.box, svg.getBoundingClientRect(), event.clientX, event.clientY);
      show(zoomAt(view.box, Math.exp(-event.deltaY * 0.002), at, fit), true);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; box: ViewBox; moving: boolean } | undefined;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button === 0)
      drag = { x: event.clientX, y: event.clientY, box: view.box, moving: false };
  });
  svg.addEventListener('pointermove', (event) => {
    if (drag === undefined) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moving && Math.hypot(dx, dy) < DRAG_PX) return;
    if (!drag.moving) {
      // Captured only once it is a drag, so a plain click still reaches the node under it.
      drag.moving = true;
      svg.setPointerCapture(event.pointerId);
      svg.classList.add('panning');
    }
    const rect = svg.getBoundingClientRect();
    const u = unitsPerPixel(drag.box, rect.width, rect.height);
    show(panBy(drag.box, dx * u, dy * u), true);
  });
  const end = (): void => {
    if (drag?.moving === true) {
      svg.classList.remove('panning');
      // The click that ends a drag is not a click on what lies under the pointer.
      svg.addEventListener('click', (e) => e.stopPropagation(), { capture: true, once: true });
    }
    drag = undefined;
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', () => {
    svg.classList.remove('panning');
    drag = undefined;
  });
}
