// EntitySelectorExpression of GetTimeSeriesServiceStatistics: the id()/service()/edge() subset.
import type { FilterNode } from './ast.ts';
import { fail, toFilterError, type FilterError } from './filter-error.ts';
import { MAX_ENTITY_SELECTOR_LENGTH } from './limits.ts';
import { selectorMatcher, type NodeIdentity } from './node-selector.ts';
import { parseExpression } from './parse-expression.ts';

/** What an entity selector picks out of the service graph. */
export interface EntitySelector {
  /** `service`: only service terms; `edge`: only edge terms; `mixed`: both. */
  readonly kind: 'service' | 'edge' | 'mixed';
  /** True when the selector selects this node (always false for an `edge` selector). */
  selectsService(node: NodeIdentity): boolean;
  /** True when it selects the edge `from → to` (always false for a `service` selector). */
  selectsEdge(from: NodeIdentity, to: NodeIdentity): boolean;
}

/** Result of compileEntitySelector. */
export type EntitySelectorResult =
  { ok: true; selector: EntitySelector } | ({ ok: false } & FilterError);

interface Compiled {
  service: (n: NodeIdentity) => boolean;
  edge: (a: NodeIdentity, b: NodeIdentity) => boolean;
  hasService: boolean;
  hasEdge: boolean;
}

const NEVER = (): boolean => false;

/**
 * Compiles an EntitySelectorExpression (1..500 characters): `service("name")`, `service(id(...))`,
 * `id(name: "x", type: "AWS::…")`, `service()` (every node), `edge(a, b)`, combined with
 * AND/OR/NOT/parentheses if wanted; blocks and other keywords are errors. Never throws.
 *
 * @example
 * const r = compileEntitySelector('id(name: "orders", type: "AWS::EC2::Instance")');
 * if (r.ok) nodes.filter((n) => r.selector.selectsService(n));
 */
export function compileEntitySelector(expression: string): EntitySelectorResult {
  try {
    if (
      typeof expression !== 'string' ||
      expression.length < 1 ||
      expression.length > MAX_ENTITY_SELECTOR_LENGTH
    ) {
      fail(`the entity selector must be 1 to ${MAX_ENTITY_SELECTOR_LENGTH} characters`, 0);
    }
    const c = compileNode(parseExpression(expression, 'selector'));
    const kind = c.hasService && c.hasEdge ? 'mixed' : c.hasEdge ? 'edge' : 'service';
    const selector: EntitySelector = {
      kind,
      selectsService: kind === 'edge' ? NEVER : c.service,
      selectsEdge: kind === 'service' ? NEVER : c.edge,
    };
    return { ok: true, selector };
  } catch (err) {
    return { ok: false, ...toFilterError(err) };
  }
}

function compileNode(node: FilterNode): Compiled {
  switch (node.kind) {
    case 'service':
    case 'id': {
      const m = selectorMatcher(node.selector);
      return { service: m, edge: NEVER, hasService: true, hasEdge: false };
    }
    case 'edge': {
      const from = selectorMatcher(node.from);
      const to = selectorMatcher(node.to);
      return { service: NEVER, edge: (a, b) => from(a) && to(b), hasService: false, hasEdge: true };
    }
    case 'not': {
      const c = compileNode(node.operand);
      return { ...c, service: (n) => !c.service(n), edge: (a, b) => !c.edge(a, b) };
    }
    case 'and':
    case 'or': {
      const cs = node.operands.map(compileNode);
      const all = node.kind === 'and';
      return {
        service: (n) => (all ? cs.every((c) => c.service(n)) : cs.some((c) => c.service(n))),
        edge: (a, b) => (all ? cs.every((c) => c.edge(a, b)) : cs.some((c) => c.edge(a, b))),
        hasService: cs.some((c) => c.hasService),
        hasEdge: cs.some((c) => c.hasEdge),
      };
    }
    default:
      return fail('only id(), service() and edge() are allowed in an entity selector', node.pos);
  }
}
