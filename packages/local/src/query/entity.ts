// Safe readers over parsed segment documents. Documents were validated at ingest, but only the
// fields X-Ray types; everything here tolerates absent or odd values.
import type { HttpFacts } from './trace-facts.ts';

/** A parsed segment or subsegment object. */
export type Entity = Record<string, unknown>;

/** A string field, or undefined. */
export function str(e: Entity | undefined, key: string): string | undefined {
  const v = e?.[key];
  return typeof v === 'string' ? v : undefined;
}

/** A finite number field, or undefined. */
export function num(e: Entity | undefined, key: string): number | undefined {
  const v = e?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** An object field, or undefined. */
export function obj(e: Entity | undefined, key: string): Entity | undefined {
  const v = e?.[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Entity) : undefined;
}

/** Embedded subsegments. */
export function children(e: Entity): Entity[] {
  const subs = e.subsegments;
  return Array.isArray(subs)
    ? (subs.filter((s) => typeof s === 'object' && s !== null) as Entity[])
    : [];
}

/** Calls `visit` for `e` and every embedded subsegment below it, depth first (`e` has depth 0). */
export function walk(e: Entity, visit: (entity: Entity, depth: number) => void): void {
  const stack: Array<[Entity, number]> = [[e, 0]];
  while (stack.length > 0) {
    const [entity, depth] = stack.pop() as [Entity, number];
    visit(entity, depth);
    const subs = entity.subsegments;
    if (!Array.isArray(subs)) continue;
    for (let i = subs.length - 1; i >= 0; i--) {
      const sub: unknown = subs[i];
      if (typeof sub === 'object' && sub !== null) stack.push([sub as Entity, depth + 1]);
    }
  }
}

/** Error/fault/throttle flags and in-progress state of one entity. */
export interface Flags {
  error: boolean;
  fault: boolean;
  throttle: boolean;
  inProgress: boolean;
}

/** Reads the flags of an entity. */
export function flags(e: Entity): Flags {
  return {
    error: e.error === true,
    fault: e.fault === true,
    throttle: e.throttle === true,
    inProgress: e.in_progress === true || num(e, 'end_time') === undefined,
  };
}

/** end − start in seconds, or undefined while in progress. */
export function elapsed(e: Entity): number | undefined {
  const start = num(e, 'start_time');
  const end = num(e, 'end_time');
  return start === undefined || end === undefined ? undefined : Math.max(0, end - start);
}

/** The `http` block as filter facts. */
export function httpFacts(e: Entity | undefined): HttpFacts {
  const http = obj(e, 'http');
  const req = obj(http, 'request');
  const res = obj(http, 'response');
  const out: HttpFacts = {};
  const url = str(req, 'url');
  if (url !== undefined) out.url = url;
  const method = str(req, 'method');
  if (method !== undefined) out.method = method;
  const status = num(res, 'status');
  if (status !== undefined) out.status = status;
  const ua = str(req, 'user_agent');
  if (ua !== undefined) out.useragent = ua;
  const ip = str(req, 'client_ip');
  if (ip !== undefined) out.clientip = ip;
  return out;
}
