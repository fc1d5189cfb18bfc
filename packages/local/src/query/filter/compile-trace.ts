// Compiles a tree at trace level: simple keywords read TraceFacts; service()/edge() blocks read
// each matching node or edge; annotations, groups and root causes read their own facts.
import type { EdgeFacts, ServiceFacts, TraceFacts } from '../trace-facts.ts';
import type { FilterNode } from './ast.ts';
import { compileLogic, type Pred } from './compile-logic.ts';
import {
  compileRootCause,
  ROOT_CAUSE_ACCESSORS,
  type RootCauseCursor,
} from './compile-rootcause.ts';
import { compileRootCauseJson } from './compile-rootcause-json.ts';
import { annotationTest } from './compile-values.ts';
import { ENTITY_ACCESSORS, type EntityLike } from './entity-accessors.ts';
import { fail } from './filter-error.ts';
import { selectorMatcher } from './node-selector.ts';

/** Compiles a `group.name`/`group.arn` reference (supplied by compile-filter, which owns group state). */
export type GroupCompiler = (node: Extract<FilterNode, { kind: 'group' }>) => Pred<TraceFacts>;

/** Compiles `node` into a predicate over whole traces. */
export function compileTrace(node: FilterNode, group: GroupCompiler): Pred<TraceFacts> {
  return compileLogic<TraceFacts>(node, ENTITY_ACCESSORS, (n) => compileComplex(n, group));
}

function compileComplex(node: FilterNode, group: GroupCompiler): Pred<TraceFacts> {
  switch (node.kind) {
    case 'service': {
      const sel = selectorMatcher(node.selector);
      const block = node.block ? compileBlock(node.block) : undefined;
      return (f) => {
        const s = f.services;
        for (let i = 0; i < s.length; i++) {
          const x = s[i] as ServiceFacts;
          if (sel(x) && (block === undefined || block(x))) return true;
        }
        return false;
      };
    }
    case 'edge': {
      const from = selectorMatcher(node.from);
      const to = selectorMatcher(node.to);
      const block = node.block ? compileBlock(node.block) : undefined;
      return (f) => {
        const e = f.edges;
        for (let i = 0; i < e.length; i++) {
          const x = e[i] as EdgeFacts;
          if (from(x.from) && to(x.to) && (block === undefined || block(x))) return true;
        }
        return false;
      };
    }
    case 'annotation':
      return compileAnnotation(node);
    case 'group':
      return group(node);
    case 'rootcause': {
      const block = node.block
        ? compileLogic<RootCauseCursor>(node.block, ROOT_CAUSE_ACCESSORS, (n) => notHere(n))
        : undefined;
      return compileRootCause(node, block);
    }
    case 'rootcause-json':
      return compileRootCauseJson(node);
    default:
      return notHere(node);
  }
}

/** A service() or edge() block: trace-level keywords plus root/inferred, read from the node/edge. */
function compileBlock(block: FilterNode): Pred<EntityLike> {
  return compileLogic<EntityLike>(block, ENTITY_ACCESSORS, (n) => notHere(n));
}

function compileAnnotation(node: Extract<FilterNode, { kind: 'annotation' }>): Pred<TraceFacts> {
  const key = node.key;
  if (node.op === undefined || node.value === undefined) {
    return (f) => {
      const values = f.annotations.get(key);
      return values !== undefined && values.length > 0;
    };
  }
  const test = annotationTest(node.op, node.value);
  return (f) => {
    const values = f.annotations.get(key);
    if (values === undefined) return false;
    for (let i = 0; i < values.length; i++)
      if (test(values[i] as string | number | boolean)) return true;
    return false;
  };
}

function notHere(node: FilterNode): never {
  // The parser rejects these placements; reaching here means the tree was built by hand.
  return fail(`${node.kind} cannot be used here`, node.pos);
}
