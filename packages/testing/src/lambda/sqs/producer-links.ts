// Links from a batch invocation to the traces that produced its messages (X-Ray, "Tracing
// event-driven applications"): one per record carrying an `AWSTraceHeader`, at most 20 per
// segment as X-Ray allows; records without one, or with a malformed one, add none.
import { parseTraceHeader } from '@otel-xray/core';
import type { SegmentLink } from '@otel-xray/core';
import type { SqsRecord } from './sqs-event.ts';

/** X-Ray's limit of links on one segment. */
export const MAX_LINKS_PER_SEGMENT = 20;

/** The producer links of a batch's records. */
export function producerLinks(records: readonly SqsRecord[]): SegmentLink[] {
  const links: SegmentLink[] = [];
  for (const record of records) {
    const parsed = parseTraceHeader(record.attributes.AWSTraceHeader);
    if (!parsed.ok || parsed.header.root === undefined || parsed.header.parent === undefined)
      continue;
    links.push({
      trace_id: parsed.header.root,
      id: parsed.header.parent,
      attributes: { 'messaging.message.id': record.messageId },
    });
    if (links.length === MAX_LINKS_PER_SEGMENT) break;
  }
  return links;
}
