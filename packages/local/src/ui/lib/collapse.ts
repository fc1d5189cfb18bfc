// Collapsible subtrees of the waterfall. Rows come depth-first with their nesting depth (see
// timeline.ts), so a row's subtree is the run of rows after it that are deeper than it.

/** Depth-first rows: only the ID and the nesting level matter here. */
export interface NestedRow {
  id: string;
  depth: number;
}

/** How many rows each row's subtree holds (rows without children are absent). */
export function subtreeSizes(rows: readonly NestedRow[]): Map<string, number> {
  const sizes = new Map<string, number>();
  rows.forEach((row, i) => {
    let end = i + 1;
    while (end < rows.length && (rows[end]?.depth ?? 0) > row.depth) end++;
    if (end > i + 1) sizes.set(row.id, end - i - 1);
  });
  return sizes;
}

/** The rows left when the subtrees under `collapsed` rows are hidden (the collapsed rows stay). */
export function visibleRows<R extends NestedRow>(
  rows: readonly R[],
  collapsed: ReadonlySet<string>,
): R[] {
  const shown: R[] = [];
  let hideDeeperThan: number | undefined;
  for (const row of rows) {
    if (hideDeeperThan !== undefined && row.depth > hideDeeperThan) continue;
    hideDeeperThan = collapsed.has(row.id) ? row.depth : undefined;
    shown.push(row);
  }
  return shown;
}

/** `collapsed` with `id` toggled (a new set). */
export function toggled(collapsed: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(collapsed);
  if (!next.delete(id)) next.add(id);
  return next;
}
