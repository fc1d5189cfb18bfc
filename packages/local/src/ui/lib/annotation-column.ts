// The user-chosen annotation column of the trace list: the keys present in the result set for the
// picker, and one cell's text.
import type { AnnotationValue, TraceSummary } from './wire-types.ts';

/** Every annotation key recorded in `summaries`, sorted. */
export function annotationKeys(summaries: readonly TraceSummary[]): string[] {
  const keys = new Set<string>();
  for (const t of summaries) for (const k of Object.keys(t.Annotations ?? {})) keys.add(k);
  return [...keys].sort();
}

function text(v: AnnotationValue | undefined): string | undefined {
  if (v?.StringValue !== undefined) return v.StringValue;
  if (v?.NumberValue !== undefined) return String(v.NumberValue);
  if (v?.BooleanValue !== undefined) return String(v.BooleanValue);
  return undefined;
}

/** The values of annotation `key` in one summary, comma-separated; `''` when absent. */
export function annotationText(summary: TraceSummary, key: string): string {
  const values = summary.Annotations?.[key] ?? [];
  return values
    .map((v) => text(v.AnnotationValue))
    .filter((v): v is string => v !== undefined)
    .join(', ');
}
