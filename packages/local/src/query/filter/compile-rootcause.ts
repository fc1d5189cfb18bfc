// rootcause.<category>.<level> { ... }: true when some service, entity or exception of that
// root-cause list satisfies the block. The block reads a cursor that the loop moves, so
// evaluation allocates nothing.
import type { RootCauseEntity, RootCauseService, TraceFacts } from '../trace-facts.ts';
import type { FilterNode } from './ast.ts';
import type { Pred } from './compile-logic.ts';
import { anyString, type StringTest } from './compile-values.ts';
import type { Accessors } from './entity-accessors.ts';

/** The item a root-cause block is looking at. */
export interface RootCauseCursor {
  service: RootCauseService;
  /** Set at the entity and exception levels. */
  entity: RootCauseEntity | undefined;
  /** Set at the exception level. */
  exception: { name?: string; message?: string } | undefined;
  /** 0-based position in the list being iterated (services, an entity path, an entity's exceptions). */
  index: number;
  /** Length of that list. */
  count: number;
}

const str = (v: string | undefined, t: StringTest): boolean => v !== undefined && t(v);

function entityMessages(e: RootCauseEntity, t: StringTest): boolean {
  if (str(e.message, t)) return true;
  for (const x of e.exceptions) if (str(x.message, t)) return true;
  return false;
}

/** Keyword readers inside rootcause blocks (name, type, message, remote, inferred, first, last, index, coverage). */
export const ROOT_CAUSE_ACCESSORS: Accessors<RootCauseCursor> = {
  boolean: {
    first: (c) => c.index === 0,
    last: (c) => c.index === c.count - 1,
    remote: (c) => (c.entity ? c.entity.remote : c.service.entityPath.some((e) => e.remote)),
    inferred: (c) => (c.entity ? c.entity.inferred : c.service.inferred),
  },
  number: {
    index: (c) => c.index,
    coverage: (c) => (c.entity ? c.entity.coverage : c.service.entityPath[0]?.coverage),
  },
  string: {
    name: (c, t) => {
      if (c.exception) return str(c.exception.name, t);
      if (c.entity) return t(c.entity.name);
      return t(c.service.name) || anyString(c.service.names, t);
    },
    type: (c, t) => str(c.entity?.type ?? c.service.type, t),
    message: (c, t) => {
      if (c.exception) return str(c.exception.message, t);
      if (c.entity) return entityMessages(c.entity, t);
      return c.service.entityPath.some((e) => entityMessages(e, t));
    },
  },
};

const NO_SERVICE: RootCauseService = {
  name: '',
  names: [],
  type: '',
  inferred: false,
  entityPath: [],
};

/** Compiles a rootcause node whose block (if any) is already compiled against the cursor. */
export function compileRootCause(
  node: Extract<FilterNode, { kind: 'rootcause' }>,
  block: Pred<RootCauseCursor> | undefined,
): Pred<TraceFacts> {
  const c: RootCauseCursor = {
    service: NO_SERVICE,
    entity: undefined,
    exception: undefined,
    index: 0,
    count: 0,
  };
  const test = block ?? (() => true);
  const { category, level } = node;
  return (facts) => {
    const services = facts.rootCauses[category];
    c.entity = undefined;
    c.exception = undefined;
    for (let i = 0; i < services.length; i++) {
      const s = services[i] as RootCauseService;
      c.service = s;
      if (level === 'service') {
        c.index = i;
        c.count = services.length;
        if (test(c)) return true;
        continue;
      }
      const path = s.entityPath;
      for (let j = 0; j < path.length; j++) {
        const e = path[j] as RootCauseEntity;
        c.entity = e;
        if (level === 'entity') {
          c.index = j;
          c.count = path.length;
          if (test(c)) return true;
          continue;
        }
        for (let k = 0; k < e.exceptions.length; k++) {
          c.exception = e.exceptions[k];
          c.index = k;
          c.count = e.exceptions.length;
          if (test(c)) return true;
        }
        c.exception = undefined;
      }
      c.entity = undefined;
    }
    return false;
  };
}
