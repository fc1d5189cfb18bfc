// How each simple keyword reads the trace, a service node or an edge (all extend EntityFacts).
import type { EntityFacts } from '../trace-facts.ts';
import { anyString, type StringTest } from './compile-values.ts';

/** Reads a boolean keyword. */
export type BoolGet<T> = (x: T) => boolean;
/** Reads a number keyword; undefined when not set. */
export type NumGet<T> = (x: T) => number | undefined;
/** True when some value of a string keyword passes `test` (false when none is set). */
export type StrVisit<T> = (x: T, test: StringTest) => boolean;

/** Keyword readers for one scope. */
export interface Accessors<T> {
  boolean: Readonly<Record<string, BoolGet<T>>>;
  number: Readonly<Record<string, NumGet<T>>>;
  string: Readonly<Record<string, StrVisit<T>>>;
}

/** What a trace, a service or an edge looks like to a keyword; root/inferred are block-only. */
export type EntityLike = EntityFacts & { root?: boolean; inferred?: boolean };

const str = (v: string | undefined, test: StringTest): boolean => v !== undefined && test(v);

/** Readers for the trace level and service()/edge() blocks. */
export const ENTITY_ACCESSORS: Accessors<EntityLike> = {
  boolean: {
    ok: (x) => x.ok,
    error: (x) => x.error,
    throttle: (x) => x.throttle,
    fault: (x) => x.fault,
    partial: (x) => x.partial,
    root: (x) => x.root === true,
    inferred: (x) => x.inferred === true,
  },
  number: {
    duration: (x) => x.duration,
    responsetime: (x) => x.responsetime,
    'http.status': (x) => x.http.status,
  },
  string: {
    'http.url': (x, t) => str(x.http.url, t),
    'http.method': (x, t) => str(x.http.method, t),
    'http.useragent': (x, t) => str(x.http.useragent, t),
    'http.clientip': (x, t) => str(x.http.clientip, t),
    user: (x, t) => anyString(x.users, t),
    availabilityzone: (x, t) => anyString(x.availabilityZones, t),
    'instance.id': (x, t) => anyString(x.instanceIds, t),
    'resource.arn': (x, t) => anyString(x.resourceArns, t),
  },
};
