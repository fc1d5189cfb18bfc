// Which trace the trace pane shows, given the list: the one the URL names (pinned), else the one
// already shown while the list still has it, else the newest.
import type { TraceSummary } from './wire-types.ts';

/** Inputs of {@link chooseTrace}. */
export interface SelectionInput {
  /** The trace the URL names. */
  pinned: string | undefined;
  /** The trace shown now without being pinned (chosen earlier as the newest). */
  current: string | undefined;
  summaries: readonly TraceSummary[];
  /**
   * True right after the user changed the filter, range or group: a pinned trace the new list
   * lacks is let go instead of being kept beside a list that no longer has it.
   */
  dropUnlisted: boolean;
}

/** What the trace pane shows. */
export interface Selection {
  /** The pinned trace after this list (undefined when let go). */
  pinned: string | undefined;
  /** The trace to show. */
  trace: string | undefined;
  /** True when the shown trace is pinned but not in the list (outside the filter or range). */
  outside: boolean;
}

/** Decides the trace pane's trace for a freshly loaded list. */
export function chooseTrace(input: SelectionInput): Selection {
  const listed = (id: string | undefined): boolean =>
    id !== undefined && input.summaries.some((s) => s.Id === id);
  if (input.pinned !== undefined) {
    if (listed(input.pinned)) return { pinned: input.pinned, trace: input.pinned, outside: false };
    if (!input.dropUnlisted) return { pinned: input.pinned, trace: input.pinned, outside: true };
  }
  const trace = listed(input.current) ? input.current : input.summaries[0]?.Id;
  return { pinned: undefined, trace, outside: false };
}
