// Compiles the boolean structure and simple keywords of a tree into closures over one scope.
import type { FilterNode } from './ast.ts';
import { ANY_STRING, numberTest, stringTest } from './compile-values.ts';
import type { Accessors } from './entity-accessors.ts';
import { fail } from './filter-error.ts';
import { cheapestFirst } from './node-cost.ts';

/** A compiled (sub)expression. */
export type Pred<T> = (x: T) => boolean;

/** Compiles `node`; `complex` handles the node kinds that are not plain logic or keywords. */
export function compileLogic<T>(
  node: FilterNode,
  acc: Accessors<T>,
  complex: (node: FilterNode) => Pred<T>,
): Pred<T> {
  const self = (n: FilterNode): Pred<T> => compileLogic(n, acc, complex);
  switch (node.kind) {
    case 'or':
      return anyOf(cheapestFirst(node.operands).map(self));
    case 'and':
      return allOf(cheapestFirst(node.operands).map(self));
    case 'not': {
      const p = self(node.operand);
      return (x) => !p(x);
    }
    case 'test':
      return compileTest(node.keyword, acc, node.pos);
    case 'compare':
      return compileCompare(node, acc);
    default:
      return complex(node);
  }
}

function compileTest<T>(keyword: string, acc: Accessors<T>, pos: number): Pred<T> {
  const b = acc.boolean[keyword];
  if (b) return b;
  const n = acc.number[keyword];
  if (n) return (x) => n(x) !== undefined;
  const s = acc.string[keyword];
  if (s) return (x) => s(x, ANY_STRING);
  return fail(`keyword '${keyword}' is not available here`, pos);
}

function compileCompare<T>(
  node: Extract<FilterNode, { kind: 'compare' }>,
  acc: Accessors<T>,
): Pred<T> {
  const { keyword, op, value } = node;
  if (value.type === 'boolean') {
    const b = acc.boolean[keyword];
    if (b) return op === '=' ? (x) => b(x) === value.value : (x) => b(x) !== value.value;
  } else if (value.type === 'number') {
    const n = acc.number[keyword];
    if (n) {
      const t = numberTest(op, value.value);
      return (x) => {
        const v = n(x);
        return v !== undefined && t(v);
      };
    }
  } else {
    const s = acc.string[keyword];
    if (s) {
      const t = stringTest(op, value.value);
      return (x) => s(x, t);
    }
  }
  return fail(`keyword '${keyword}' is not available here`, node.pos);
}

function allOf<T>(ps: Pred<T>[]): Pred<T> {
  if (ps.length === 2) {
    const [a, b] = ps as [Pred<T>, Pred<T>];
    return (x) => a(x) && b(x);
  }
  return (x) => {
    for (let i = 0; i < ps.length; i++) if (!(ps[i] as Pred<T>)(x)) return false;
    return true;
  };
}

function anyOf<T>(ps: Pred<T>[]): Pred<T> {
  if (ps.length === 2) {
    const [a, b] = ps as [Pred<T>, Pred<T>];
    return (x) => a(x) || b(x);
  }
  return (x) => {
    for (let i = 0; i < ps.length; i++) if ((ps[i] as Pred<T>)(x)) return true;
    return false;
  };
}
