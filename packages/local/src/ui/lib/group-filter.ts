// GetTraceSummaries takes no group, so the UI adds the group to the expression as the X-Ray
// console does (`group.name = "…"`), after the user's part so error positions need one shift.

/** The expression sent, and how far the user's text is shifted in it. */
export interface GroupedFilter {
  expression: string;
  /** Characters before the user's expression in `expression` (subtract from error positions). */
  offset: number;
}

/**
 * Combines the user's `filter` with `group`: `(filter) AND group.name = "group"`; the filter alone
 * when there is no group, the group clause alone when there is no filter.
 * @example withGroup('fault', 'checkout') // { expression: '(fault) AND group.name = "checkout"', offset: 1 }
 */
export function withGroup(filter: string, group: string | undefined): GroupedFilter {
  const f = filter.trim();
  if (group === undefined || group === '') return { expression: f, offset: 0 };
  const clause = `group.name = ${JSON.stringify(group)}`;
  if (f === '') return { expression: clause, offset: 0 };
  return { expression: `(${f}) AND ${clause}`, offset: 1 };
}
