import type { AssembledSegment } from './assemble-trace.ts';
import { children, elapsed, obj, str, walk, type Entity } from './entity.ts';
import type { TraceGraphParts } from './trace-analysis.ts';
import type { RootCauseEntity, RootCauseService } from './trace-facts.ts';

/** Root causes of one trace, per kind (spec §5.3 `*RootCauses`, §6 `rootcause.*`). */
export interface RootCauses {
  fault: RootCauseService[];
  error: RootCauseService[];
  responsetime: RootCauseService[];
}

/**
 * Finds root causes: for faults and errors, the deepest flagged entity whose flag does not continue
 * into a downstream segment; for response time, the path that follows the slowest child from the
 * root to a leaf. Pure.
 */
export function findRootCauses(parts: TraceGraphParts): RootCauses {
  const segments = parts.assembled.segments;
  let anyFault = false;
  let anyError = false;
  for (const seg of segments) {
    walk(seg.doc, (e) => {
      anyFault ||= e.fault === true;
      anyError ||= e.error === true;
    });
  }
  const callees = new Map<Entity, AssembledSegment[]>();
  for (const seg of segments) {
    if (seg.caller === undefined) continue;
    const from = seg.callerEntity ?? seg.caller.doc;
    const list = callees.get(from);
    if (list === undefined) callees.set(from, [seg]);
    else list.push(seg);
  }
  const flagged = (flag: 'fault' | 'error'): RootCauseService[] => {
    const out: RootCauseService[] = [];
    const calleeFlagged = (e: Entity): boolean =>
      (callees.get(e) ?? []).some((s) => s.doc[flag] === true);
    for (const seg of segments) {
      collectLeaves(seg.doc, [], flag, calleeFlagged, (path) =>
        out.push(service(parts, seg, path)),
      );
    }
    return out;
  };
  const rootResponse = parts.root === undefined ? undefined : elapsed(parts.root.doc);
  const responsetime: RootCauseService[] = [];
  if (parts.root !== undefined && rootResponse !== undefined) {
    const segOf = new Map<Entity, AssembledSegment>(segments.map((s) => [s.doc, s]));
    let seg = parts.root;
    let path: Entity[] = [seg.doc];
    for (let e = seg.doc, guard = 0; guard < 10_000; guard++) {
      const next = slowest([...children(e), ...(callees.get(e) ?? []).map((c) => c.doc)]);
      if (next === undefined) break;
      const nextSeg = segOf.get(next);
      if (nextSeg !== undefined) {
        seg = nextSeg;
        path = [next];
      } else path.push(next);
      e = next;
    }
    responsetime.push(service(parts, seg, path, rootResponse));
  }
  return {
    fault: anyFault ? flagged('fault') : [],
    error: anyError ? flagged('error') : [],
    responsetime,
  };
}

/** Depth-first over embedded subsegments, reusing one path stack. */
function collectLeaves(
  e: Entity,
  path: Entity[],
  flag: 'fault' | 'error',
  calleeFlagged: (e: Entity) => boolean,
  found: (path: Entity[]) => void,
): void {
  path.push(e);
  const subs = children(e);
  if (e[flag] !== true) {
    for (const sub of subs) collectLeaves(sub, path, flag, calleeFlagged, found);
  } else {
    const flaggedSubs = subs.filter((k) => k[flag] === true);
    if (flaggedSubs.length === 0 && !calleeFlagged(e)) found([...path]);
    for (const sub of flaggedSubs) collectLeaves(sub, path, flag, calleeFlagged, found);
  }
  path.pop();
}

function slowest(list: Entity[]): Entity | undefined {
  let best: Entity | undefined;
  for (const e of list)
    if (best === undefined || (elapsed(e) ?? 0) > (elapsed(best) ?? 0)) best = e;
  return best;
}

function service(
  parts: TraceGraphParts,
  seg: AssembledSegment,
  path: Entity[],
  rootResponse?: number,
): RootCauseService {
  const node = parts.nodeOf.get(seg);
  const id = node?.id ?? { name: str(seg.doc, 'name') ?? 'unknown', names: [] };
  return {
    name: id.name,
    names: id.names,
    type: id.type ?? '',
    ...(id.accountId === undefined ? {} : { accountId: id.accountId }),
    inferred: seg.inferred,
    entityPath: path.map((e) => entity(e, seg.inferred, rootResponse)),
  };
}

function entity(e: Entity, inferred: boolean, rootResponse?: number): RootCauseEntity {
  const exceptions = exceptionsOf(e);
  const namespace = str(e, 'namespace');
  const out: RootCauseEntity = {
    name: str(e, 'name') ?? 'unknown',
    remote: namespace === 'remote' || namespace === 'aws' || exceptions.some((x) => x.remote),
    inferred,
    exceptions: exceptions.map(({ name, message }) => ({
      ...(name === undefined ? {} : { name }),
      ...(message === undefined ? {} : { message }),
    })),
  };
  const type = str(e, 'origin');
  if (type !== undefined) out.type = type;
  const message = exceptions[0]?.message;
  if (message !== undefined) out.message = message;
  const took = elapsed(e);
  if (rootResponse !== undefined && took !== undefined && rootResponse > 0)
    out.coverage = took / rootResponse;
  return out;
}

function exceptionsOf(e: Entity): Array<{ name?: string; message?: string; remote: boolean }> {
  const list = obj(e, 'cause')?.exceptions;
  if (!Array.isArray(list)) return [];
  return list
    .filter((x): x is Entity => typeof x === 'object' && x !== null)
    .map((x) => ({
      ...(str(x, 'type') === undefined ? {} : { name: str(x, 'type') }),
      ...(str(x, 'message') === undefined ? {} : { message: str(x, 'message') }),
      remote: x.remote === true,
    }));
}
