// A span's document plans (spec/translation.md §1): the checks that refuse a span, the split of a
// local-root dependency span into two documents (§1.2), and the fallback to the object path for the
// rare document over 64 KB. Shared by the one-span and the batch entry points.
import { newSegmentId } from '../../ids.ts';
import { MAX_DOCUMENT_BYTES } from '../../segment-document.ts';
import type {
  TranslatableHrTime,
  TranslatableSpan,
  TranslateDeps,
  TranslateOptions,
  TranslationProblem,
} from '../translatable-span.ts';
import { isDependencyKind } from './constants.ts';
import type { Doc, DocPlan } from './doc-plan.ts';
import { docObject } from './doc-plan.ts';
import { hexId, parentHexId, xrayTraceId } from './hex.ts';
import { makeDocument } from './make-document.ts';
import { shrinkToFit, spanMayExceedLimit } from './size-guard.ts';
import type { SpanFacts } from './span-facts.ts';
import { resolveOptions, spanFacts } from './span-facts.ts';
import { traceEpochInWindow } from './trace-epoch.ts';

/** A refused span: no documents, one fatal problem. */
export interface Refused {
  documents: [];
  problems: TranslationProblem[];
}

// Attributes the service segment of a split local-root span is translated without (§1.2).
const SERVICE_SEGMENT_EXCLUDES: ReadonlySet<string> = new Set([
  'aws.remote.service',
  'aws.remote.operation',
  'remoteTarget',
  'K8s.RemoteNamespace',
]);

/** The refusal of a span, with its reason. */
export function refuse(code: string, message: string): Refused {
  return { documents: [], problems: [{ code, message, fatal: true }] };
}

function isAllZero(id: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return false;
  return true;
}

function validTime(time: TranslatableHrTime | undefined): boolean {
  return (
    Array.isArray(time) &&
    Number.isFinite(time[0]) &&
    Number.isFinite(time[1]) &&
    time[0] + time[1] / 1e9 >= 0
  );
}

function endsBeforeStart(start: TranslatableHrTime, end: TranslatableHrTime): boolean {
  return end[0] < start[0] || (end[0] === start[0] && end[1] < start[1]);
}

/** The plans of a span's documents, or the refusal. */
export interface Planned {
  plans: DocPlan[];
  problems: TranslationProblem[];
  facts: SpanFacts;
}

export function plan(
  span: TranslatableSpan,
  options: TranslateOptions | undefined,
  deps: TranslateDeps | undefined,
): Planned | Refused {
  const context = span.spanContext();
  const traceId = xrayTraceId(context.traceId);
  if (traceId === undefined)
    return refuse(
      'invalid-trace-id',
      `trace id ${String(context.traceId)} is not 32 hex digits (or is all zero)`,
    );
  const id = hexId(context.spanId, 16);
  if (id === undefined)
    return refuse(
      'invalid-span-id',
      `span id ${String(context.spanId)} is not 16 hex digits (or is all zero)`,
    );
  const rawParent = span.parentSpanContext?.spanId ?? span.parentSpanId;
  let parentId: string | undefined;
  if (typeof rawParent === 'string' && rawParent !== '' && !isAllZero(rawParent)) {
    parentId = parentHexId(rawParent);
    if (parentId === undefined)
      return refuse('invalid-parent-id', `parent span id ${rawParent} is not 16 hex digits`);
  }
  if (!validTime(span.startTime) || !validTime(span.endTime))
    return refuse('invalid-time', `span ${id} has an invalid start or end time`);
  if (endsBeforeStart(span.startTime, span.endTime))
    return refuse('end-before-start', `span ${id} ends before it starts`);
  const resolved = resolveOptions(options);
  let epochNow: number | undefined;
  if (resolved.validateEpoch) {
    epochNow = Math.floor((deps?.now ?? Date.now)() / 1000);
    if (!traceEpochInWindow(traceId, epochNow))
      return refuse(
        'trace-id-timestamp',
        `trace id ${traceId} is older than 30 days or ahead of the clock (X-Ray rejects it)`,
      );
  }
  const problems: TranslationProblem[] = [];
  const f = spanFacts(span, traceId, resolved, deps?.randomId ?? newSegmentId, problems, epochNow);
  let plans: DocPlan[];
  if (f.localRoot && isDependencyKind(span.kind)) {
    const serviceId = f.newId();
    plans = [
      makeDocument(f, id, serviceId, 'dependency'),
      makeDocument(f, serviceId, parentId, 'service', SERVICE_SEGMENT_EXCLUDES),
    ];
  } else {
    plans = [makeDocument(f, id, parentId, 'auto')];
  }
  return { plans, problems, facts: f };
}

/** The document objects of planned documents, shrunk to fit when they might exceed 64 KB. */
export function objects(planned: Planned): Doc[] {
  const documents = planned.plans.map(docObject);
  if (spanMayExceedLimit(planned.facts))
    for (const doc of documents) shrinkToFit(doc, planned.problems);
  return documents;
}

/** A document the object path would shrink: over 64 KB, from a span the pre-check lets through. */
export function tooLarge(json: string, f: SpanFacts): boolean {
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  if (json.length * 3 <= MAX_DOCUMENT_BYTES) return false;
  return Buffer.byteLength(json, 'utf8') > MAX_DOCUMENT_BYTES && spanMayExceedLimit(f);
}
