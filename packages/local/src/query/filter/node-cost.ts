// A rough evaluation cost per node, so AND/OR chains test cheap operands first and short-circuit
// before loops over services, edges or root causes. Reordering is safe: predicates are pure.
import type { FilterNode } from './ast.ts';

/** Estimated relative cost of evaluating `node` once. */
export function nodeCost(node: FilterNode): number {
  switch (node.kind) {
    case 'test':
    case 'compare':
    case 'id':
      return 1;
    case 'annotation':
      return 2;
    case 'not':
      return nodeCost(node.operand);
    case 'and':
    case 'or':
      return node.operands.reduce((sum, n) => sum + nodeCost(n), 0);
    case 'group':
      return 8;
    case 'service':
    case 'edge':
    case 'rootcause':
      return 10 + (node.block ? nodeCost(node.block) : 0);
    case 'rootcause-json':
      return 20;
  }
}

/** `operands` ordered cheapest first (stable for equal costs). */
export function cheapestFirst(operands: readonly FilterNode[]): FilterNode[] {
  return operands
    .map((node, i) => ({ node, i, cost: nodeCost(node) }))
    .sort((a, b) => a.cost - b.cost || a.i - b.i)
    .map((x) => x.node);
}
