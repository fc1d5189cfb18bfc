// Where each attribute key goes (dropped as consumed, annotation, or metadata), decided from the keys
// and the span's context only, so it can be decided once per key shape (key-shape.ts) and reused by
// every span of that shape in the same context; the values then only need reading.
import { sanitizeAnnotationKey } from '../sanitize.ts';
import {
  ALWAYS_LAST,
  ENDUSER_ID,
  HTTP_STATUS_TEXT,
  SQL_FIRST,
  SQL_LAST,
  XRAY_ANNOTATIONS,
} from './attribute-codes.ts';
import type { KeyInfo } from './key-info.ts';
import type { KeyShape } from './key-shape.ts';
import type { MemberKey } from './member-key.ts';

/** What, besides the keys, decides where a key goes. */
export interface RouteContext {
  /** `indexed_attributes` as a set (may be empty). */
  indexed: ReadonlySet<string>;
  indexAll: boolean;
  /** Some key is to be indexed (indexed_attributes or `aws.xray.annotations`), and not all are. */
  anyIndexed: boolean;
  /** The keys listed in `aws.xray.annotations` (empty when it is not an array). */
  listed: readonly unknown[];
  /** `aws.xray.annotations` is an array (then the key itself is consumed). */
  listedIsArray: boolean;
  sqlProduced: boolean;
  usedStatusText: boolean;
  /** Keys removed before translation (the split service segment). */
  exclude: ReadonlySet<string> | undefined;
}

/** Dropped: consumed by a block, `user`, or excluded. */
export const DROP = 0;
/** An annotation (when its value is a scalar). */
export const ANNOTATION = 1;
/** A `metadata` member (or, for `aws.xray.metadata.*` strings, a namespace). */
export const METADATA = 2;

function isConsumed(code: number, ctx: RouteContext): boolean {
  if (code <= ALWAYS_LAST) return true;
  if (code >= SQL_FIRST && code <= SQL_LAST) return ctx.sqlProduced;
  return code === HTTP_STATUS_TEXT && ctx.usedStatusText;
}

/** True when `key` is written as an annotation. */
export function isIndexed(key: string, ctx: RouteContext): boolean {
  return ctx.indexAll || (ctx.anyIndexed && (ctx.indexed.has(key) || ctx.listed.includes(key)));
}

/** Where `key` goes: {@link DROP}, {@link ANNOTATION} or {@link METADATA}. */
export function destination(key: string, info: KeyInfo, ctx: RouteContext): number {
  const code = info.code;
  if (code !== 0) {
    if (code === ENDUSER_ID || (ctx.listedIsArray && code === XRAY_ANNOTATIONS)) return DROP;
    // Consumed keys come back only when explicitly listed in indexed_attributes.
    if (isConsumed(code, ctx) && !ctx.indexed.has(key)) return DROP;
  }
  if (ctx.exclude !== undefined && ctx.exclude.has(key)) return DROP;
  return isIndexed(key, ctx) ? ANNOTATION : METADATA;
}

/** Where the keys of a shape go in one context (no key of the shape is `aws.xray.metadata.*`). */
export interface KeyRoute {
  // The context it was decided in (exclude is always undefined, indexAll false).
  indexed: ReadonlySet<string>;
  listed: readonly unknown[];
  listedIsArray: boolean;
  sqlProduced: boolean;
  usedStatusText: boolean;
  allowDot: boolean;
  withResource: boolean;
  /** Indices of the annotation keys, and each key as written (sanitized). */
  annotations: Int32Array;
  annotationKeys: string[];
  /** Indices of the metadata keys, and each key as the start of a JSON member. */
  metadata: Int32Array;
  metadataMembers: MemberKey[];
  /** Per metadata key: the last string value found to be plain JSON text (metadata-plan.ts). */
  lastPlain: unknown[];
  /** No metadata key is an array index, `__proto__` or `otel.resource.*` with the resource stored. */
  plain: boolean;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fits(
  route: KeyRoute,
  ctx: RouteContext,
  allowDot: boolean,
  withResource: boolean,
): boolean {
  return (
    route.indexed === ctx.indexed &&
    route.sqlProduced === ctx.sqlProduced &&
    route.usedStatusText === ctx.usedStatusText &&
    route.allowDot === allowDot &&
    route.withResource === withResource &&
    route.listedIsArray === ctx.listedIsArray &&
    sameList(route.listed, ctx.listed)
  );
}

function decide(
  shape: KeyShape,
  ctx: RouteContext,
  allowDot: boolean,
  withResource: boolean,
): KeyRoute {
  const annotations: number[] = [];
  const annotationKeys: string[] = [];
  const metadata: number[] = [];
  const metadataMembers: MemberKey[] = [];
  let plain = true;
  const { keys, infos } = shape;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const info = infos[k] as KeyInfo;
    const where = destination(key, info, ctx);
    if (where === ANNOTATION) {
      const fixed = sanitizeAnnotationKey(key, allowDot);
      if (fixed === '') continue;
      annotations.push(k);
      annotationKeys.push(fixed);
    } else if (where === METADATA) {
      metadata.push(k);
      metadataMembers.push(info.member);
      if (info.special || (info.resourceLike && withResource)) plain = false;
    }
  }
  return {
    indexed: ctx.indexed,
    listed: ctx.listed.slice(),
    listedIsArray: ctx.listedIsArray,
    sqlProduced: ctx.sqlProduced,
    usedStatusText: ctx.usedStatusText,
    allowDot,
    withResource,
    annotations: Int32Array.from(annotations),
    annotationKeys,
    metadata: Int32Array.from(metadata),
    metadataMembers,
    lastPlain: new Array<unknown>(metadata.length).fill(undefined),
    plain,
  };
}

/** Routes kept per shape (spans of one shape are seen in a few contexts: segment or subsegment, …). */
const MAX_ROUTES = 4;

/**
 * The route of a shape's keys in `ctx` (which must have no `exclude` and `indexAll` off), reused from
 * the shape when one of its routes was decided in the same context.
 */
export function keyRoute(
  shape: KeyShape,
  ctx: RouteContext,
  allowDot: boolean,
  withResource: boolean,
): KeyRoute {
  const routes = shape.routes as KeyRoute[];
  for (let i = 0; i < routes.length; i++) {
    const route = routes[i] as KeyRoute;
    if (fits(route, ctx, allowDot, withResource)) return route;
  }
  const route = decide(shape, ctx, allowDot, withResource);
  if (routes.length >= MAX_ROUTES) routes.shift();
  routes.push(route);
  return route;
}
