// rootcause.json = #[ ... ]: the JSON array is read as a list of root causes shaped like the
// API's FaultRootCauses/ErrorRootCauses/ResponseTimeRootCauses ({Services: [{Name, Names, Type,
// AccountId, Inferred, EntityPath: [{Name, Remote, Coverage, Exceptions: [{Name, Message}]}]}]}).
// Best-effort structural match (the service's exact rule is undocumented): a trace matches when
// one of its root-cause lists (fault, error or response time) is non-empty and every pattern
// service matches some service there. A pattern matches when each field it states is equal
// (Names: each listed name is known; EntityPath: the pattern entities appear in order, not
// necessarily adjacent; Exceptions: each pattern exception appears). Keys are case-insensitive;
// unknown keys (e.g. ClientImpacting) are ignored.
import type { RootCauseEntity, RootCauseService, TraceFacts } from '../trace-facts.ts';
import type { FilterNode } from './ast.ts';
import type { Pred } from './compile-logic.ts';
import { fail } from './filter-error.ts';

type Obj = Record<string, unknown>;
type Check<T> = (x: T) => boolean;

/** Compiles the pattern; fails at the node's position when its shape is wrong. */
export function compileRootCauseJson(
  node: Extract<FilterNode, { kind: 'rootcause-json' }>,
): Pred<TraceFacts> {
  const bad = (what: string): never => fail(`rootcause.json: ${what}`, node.pos);
  const services: Check<RootCauseService>[] = [];
  node.pattern.forEach((rc, i) => {
    const list = field(asObject(rc, `element ${i} must be an object`, bad), 'Services');
    if (list === undefined) return;
    if (!Array.isArray(list)) bad(`element ${i}: Services must be an array`);
    (list as unknown[]).forEach((s, j) => {
      services.push(servicePattern(asObject(s, `Services[${j}] must be an object`, bad), bad));
    });
  });
  const matchesList = (list: readonly RootCauseService[]): boolean =>
    list.length > 0 && services.every((p) => list.some(p));
  return (f) =>
    matchesList(f.rootCauses.fault) ||
    matchesList(f.rootCauses.error) ||
    matchesList(f.rootCauses.responsetime);
}

function servicePattern(o: Obj, bad: (what: string) => never): Check<RootCauseService> {
  const name = typed(o, 'Name', 'string', bad);
  const type = typed(o, 'Type', 'string', bad);
  const accountId = typed(o, 'AccountId', 'string', bad);
  const inferred = typed(o, 'Inferred', 'boolean', bad);
  const names = arrayOf(o, 'Names', bad).map((n) =>
    typeof n === 'string' ? n : bad('Names must hold strings'),
  );
  const path = arrayOf(o, 'EntityPath', bad).map((e) =>
    entityPattern(asObject(e, 'EntityPath items must be objects', bad), bad),
  );
  return (s) =>
    (name === undefined || s.name === name || s.names.includes(name)) &&
    (type === undefined || s.type === type) &&
    (accountId === undefined || s.accountId === accountId) &&
    (inferred === undefined || s.inferred === inferred) &&
    names.every((n) => n === s.name || s.names.includes(n)) &&
    inOrder(path, s.entityPath);
}

function entityPattern(o: Obj, bad: (what: string) => never): Check<RootCauseEntity> {
  const name = typed(o, 'Name', 'string', bad);
  const remote = typed(o, 'Remote', 'boolean', bad);
  const coverage = typed(o, 'Coverage', 'number', bad);
  const exceptions = arrayOf(o, 'Exceptions', bad).map((x) => {
    const xo = asObject(x, 'Exceptions items must be objects', bad);
    return { name: typed(xo, 'Name', 'string', bad), message: typed(xo, 'Message', 'string', bad) };
  });
  return (e) =>
    (name === undefined || e.name === name) &&
    (remote === undefined || e.remote === remote) &&
    (coverage === undefined || e.coverage === coverage) &&
    exceptions.every((px) =>
      e.exceptions.some(
        (x) =>
          (px.name === undefined || x.name === px.name) &&
          (px.message === undefined || x.message === px.message),
      ),
    );
}

function inOrder(patterns: Check<RootCauseEntity>[], path: readonly RootCauseEntity[]): boolean {
  let j = 0;
  for (const p of patterns) {
    while (j < path.length && !p(path[j] as RootCauseEntity)) j++;
    if (j === path.length) return false;
    j++;
  }
  return true;
}

/** Reads `key` case-insensitively. */
function field(o: Obj, key: string): unknown {
  const lower = key.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

function typed<K extends 'string' | 'boolean' | 'number'>(
  o: Obj,
  key: string,
  kind: K,
  bad: (what: string) => never,
): (K extends 'string' ? string : K extends 'number' ? number : boolean) | undefined {
  const v = field(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== kind) bad(`${key} must be a ${kind}`);
  return v as K extends 'string' ? string : K extends 'number' ? number : boolean;
}

function arrayOf(o: Obj, key: string, bad: (what: string) => never): unknown[] {
  const v = field(o, key);
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : bad(`${key} must be an array`);
}

function asObject(v: unknown, what: string, bad: (what: string) => never): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : bad(what);
}
