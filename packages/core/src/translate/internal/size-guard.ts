// Keeps documents under X-Ray's 64 KB limit (the collector sends them as they are and X-Ray rejects them).
import { MAX_DOCUMENT_BYTES } from '../../segment-document.ts';
import type { TranslatableSpan, TranslationProblem } from '../translatable-span.ts';
import type { Doc } from './doc-plan.ts';
import type { SpanFacts } from './span-facts.ts';
import { capString } from './limits.ts';
import { attributesChars, textSize } from './text-size.ts';

const FIXED_OVERHEAD = 4096;
const PER_ENTRY = 64;
const KEPT_FRAMES = 10;
const MAX_QUERY = 1000;

function attributesSize(attrs: Readonly<Record<string, unknown>> | undefined): number {
  let n = 0;
  for (const key in attrs) n += key.length + textSize(attrs[key]) + PER_ENTRY / 6;
  return n;
}

/**
 * A cheap upper bound check: false when the span's text cannot make a document of 64 KB
 * (every input character is at most 6 JSON bytes; stack lines at most 12 with frame overhead).
 * Counts everything of the span that reaches a document: name, status message, attributes, events,
 * links (a property test in test/translate/size-guard.test.ts holds it to that).
 * `chars` counts the span and resource attributes already (measured during the attribute scan).
 */
export function mayExceedLimit(
  span: TranslatableSpan,
  chars: number,
  attributeCount: number,
): boolean {
  // The status message becomes the cause of an error span without exception events.
  chars += span.name.length + (span.status.message?.length ?? 0) + (attributeCount * PER_ENTRY) / 6;
  let stack = 0;
  for (const event of span.events) {
    chars += event.name.length + attributesSize(event.attributes);
    const trace = event.attributes?.['exception.stacktrace'];
    if (typeof trace === 'string') stack += trace.length;
  }
  for (const link of span.links) chars += 80 + attributesSize(link.attributes);
  return FIXED_OVERHEAD + 6 * chars + 12 * stack > MAX_DOCUMENT_BYTES;
}

/** {@link mayExceedLimit} of a span's facts: true unless its documents surely stay under 64 KB. */
export function spanMayExceedLimit(f: SpanFacts): boolean {
  const chars = attributesChars(f.keys, f.scan.values) + f.resource.textChars;
  return mayExceedLimit(f.span, chars, f.keys.length + f.resource.entries.length);
}

/** Serialised size in bytes. */
export function documentBytes(doc: Doc): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}

type Step = (doc: Doc) => boolean;

const STEPS: Step[] = [trimStacks, trimQuery, dropMetadata, dropLinkAttributes, dropStacks];

/** Shrinks `doc` step by step until it fits; reports what was cut. */
export function shrinkToFit(doc: Doc, problems: TranslationProblem[]): void {
  let size = documentBytes(doc);
  if (size <= MAX_DOCUMENT_BYTES) return;
  const before = size;
  for (const step of STEPS) {
    if (step(doc)) size = documentBytes(doc);
    if (size <= MAX_DOCUMENT_BYTES) break;
  }
  problems.push({
    code: size <= MAX_DOCUMENT_BYTES ? 'document-truncated' : 'document-too-large',
    message: `document ${doc.id} was ${before} bytes (limit ${MAX_DOCUMENT_BYTES}); now ${size}`,
    fatal: false,
  });
}

function exceptions(
  doc: Doc,
): NonNullable<Exclude<Doc['cause'], string | undefined>['exceptions']> {
  return typeof doc.cause === 'object' ? (doc.cause.exceptions ?? []) : [];
}

function trimStacks(doc: Doc): boolean {
  let changed = false;
  for (const exception of exceptions(doc)) {
    const stack = exception.stack;
    if (stack === undefined || stack.length <= KEPT_FRAMES) continue;
    exception.truncated = (exception.truncated ?? 0) + stack.length - KEPT_FRAMES;
    exception.stack = stack.slice(0, KEPT_FRAMES);
    changed = true;
  }
  return changed;
}

function dropStacks(doc: Doc): boolean {
  let changed = false;
  for (const exception of exceptions(doc)) {
    if (exception.stack === undefined) continue;
    exception.truncated = (exception.truncated ?? 0) + exception.stack.length;
    delete exception.stack;
    changed = true;
  }
  return changed;
}

function trimQuery(doc: Doc): boolean {
  const query = doc.sql?.sanitized_query;
  if (doc.sql === undefined || query === undefined || query.length <= MAX_QUERY) return false;
  doc.sql.sanitized_query = `${capString(query, MAX_QUERY)}…`;
  return true;
}

/** Removes the largest metadata values until the document fits, leaving a marker. */
function dropMetadata(doc: Doc): boolean {
  const metadata = doc.metadata;
  if (metadata === undefined) return false;
  const entries: Array<{ ns: string; key: string; size: number }> = [];
  for (const ns of Object.keys(metadata)) {
    const values = metadata[ns] ?? {};
    for (const key of Object.keys(values))
      entries.push({
        ns,
        key,
        size: Buffer.byteLength(`"${key}":${JSON.stringify(values[key]) ?? ''},`),
      });
  }
  entries.sort((a, b) => b.size - a.size);
  let excess = documentBytes(doc) - MAX_DOCUMENT_BYTES + 256;
  const dropped: string[] = [];
  for (const entry of entries) {
    if (excess <= 0) break;
    const values = metadata[entry.ns];
    if (values !== undefined) delete values[entry.key];
    dropped.push(`${entry.ns}.${entry.key}`);
    excess -= entry.size;
  }
  metadata['otel.xray'] = { truncated: true, dropped_keys: dropped.slice(0, 20) };
  return dropped.length > 0;
}

function dropLinkAttributes(doc: Doc): boolean {
  let changed = false;
  for (const link of doc.links ?? []) {
    if (link.attributes === undefined) continue;
    delete link.attributes;
    changed = true;
  }
  return changed;
}
