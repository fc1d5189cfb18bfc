// The trace list's header: how many rows are shown of how many traces match.

/** `100 of 606 traces`; `100 of 1,200+ traces` while pages are still being read. */
export function resultCount(shown: number, total: number, complete: boolean): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const of = `${n(total)}${complete ? '' : '+'}`;
  const noun = total === 1 && complete ? 'trace' : 'traces';
  if (shown >= total && complete) return `${n(total)} ${noun}`;
  return `${n(Math.min(shown, total))} of ${of} ${noun}`;
}

/** Rows shown after "load more": the next `step`, at most `total`. */
export function nextShown(shown: number, step: number, total: number): number {
  return Math.min(total, shown + step);
}
