// The stored document behind a waterfall row, as BatchGetTraces returned it: the row's segment's
// `Document` string, indented for reading (a subsegment's row shows the segment that holds it).
import type { Trace } from './wire-types.ts';

/** The document of segment `segmentId`, indented two spaces; the text as sent if not JSON. */
export function rawDocument(trace: Trace, segmentId: string): string | undefined {
  for (const segment of trace.Segments ?? []) {
    const text = segment.Document;
    if (text === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      if (segment.Id === segmentId) return text;
      continue;
    }
    const id = (parsed as { id?: unknown } | null)?.id;
    if (segment.Id === segmentId || id === segmentId) return JSON.stringify(parsed, null, 2);
  }
  return undefined;
}
