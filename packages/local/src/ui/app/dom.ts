/// <reference lib="dom" />
// Tiny DOM builders. Text always goes in as text nodes, never as HTML, so trace data cannot
// inject markup.

/** A child: a node, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/**
 * Properties of {@link h}: class, data-* attributes (camelCase keys become kebab-case), plain
 * attributes, CSS variables, and a click handler (which also makes the element keyboard-activable).
 */
export interface Props {
  class?: string;
  data?: Record<string, string>;
  attrs?: Record<string, string>;
  vars?: Record<string, string>;
  onClick?: (event: MouseEvent) => void;
}

function apply(
  el: Element & ElementCSSInlineStyle,
  props: Props | undefined,
  children: Child[],
): void {
  if (props?.class !== undefined) el.setAttribute('class', props.class);
  for (const [k, v] of Object.entries(props?.data ?? {})) {
    el.setAttribute(`data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, v);
  }
  for (const [k, v] of Object.entries(props?.attrs ?? {})) el.setAttribute(k, v);
  for (const [k, v] of Object.entries(props?.vars ?? {})) el.style.setProperty(`--${k}`, v);
  const onClick = props?.onClick;
  if (onClick !== undefined) {
    el.addEventListener('click', onClick as EventListener);
    // Clickable rows and map nodes are reachable by Tab and activated by Enter or Space.
    el.setAttribute('tabindex', '0');
    el.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter' && key !== ' ') return;
      event.preventDefault();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
}

/** Creates an HTML element. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, props, children);
  return el;
}

/** Creates an SVG element; `attrs` values may be numbers. */
export function s(
  tag: string,
  attrs: Record<string, string | number> = {},
  props?: Props,
  ...children: Child[]
): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  apply(el, props, children);
  return el;
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  apply(el as Element & ElementCSSInlineStyle, undefined, children);
}

/** Looks up an element the page must have. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} missing from index.html`);
  return el as T;
}
