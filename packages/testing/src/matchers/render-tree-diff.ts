// The failure message of toHaveTraceTree: expected and received trees side by side, the lines of
// the first mismatch marked with ✗, and the reason underneath (pure).
import { treeLines } from '../internal/tree-lines.ts';
import { describeNode } from '../trace/print-tree.ts';
import type { TraceNode } from '../trace/types.ts';
import type { ExpectedNode } from './expected-node.ts';
import { describeSpec, type TreeMismatch } from './match-tree.ts';

/** Both trees in two columns; the mismatching expected and received lines start with `✗`. */
export function renderTreeDiff(
  expected: readonly ExpectedNode[],
  roots: readonly TraceNode[],
  mismatch: TreeMismatch,
): string {
  const left = treeLines(expected, (e) => e.children ?? [], describeSpec).map((l) =>
    mark(l.item === mismatch.expected, l.text),
  );
  const right = treeLines(roots, (n) => n.children, describeNode).map((l) =>
    mark(l.item === mismatch.actual, l.text),
  );
  if (right.length === 0) right.push('  (no segments)');
  const width = Math.max('Expected'.length, ...left.map((l) => l.length)) + 2;
  const rows = [
    `  ${'Expected'.padEnd(width - 2)}  │ Received`,
    `${'─'.repeat(width + 1)}┼${'─'.repeat(10)}`,
  ];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    rows.push(`${(left[i] ?? '').padEnd(width)} │ ${right[i] ?? ''}`);
  }
  return [...rows, '', `First mismatch: ${mismatch.reason}`].join('\n');
}

function mark(on: boolean, text: string): string {
  return `${on ? '✗ ' : '  '}${text}`;
}
