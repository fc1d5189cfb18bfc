import { translateSpan, type TranslatableHrTime, type TranslatableSpan } from '@otel-xray/core';
import type { OtlpResourceSpans, OtlpSpan } from './otlp-model.ts';

/** Result of {@link otlpToDocuments}. */
export interface OtlpTranslation {
  /** Segment documents as JSON strings, ready for the ingestor. */
  documents: string[];
  /** Spans received. */
  spans: number;
  /** Spans that produced no document, with the first reason. */
  rejected: number;
  firstProblem?: string;
}

/**
 * Translates decoded OTLP spans into segment documents with the same translation the exporter
 * uses (`translateSpan` from @otel-xray/core). OTLP `SpanKind` is shifted to the SDK's numbering.
 */
export function otlpToDocuments(batches: readonly OtlpResourceSpans[]): OtlpTranslation {
  const out: OtlpTranslation = { documents: [], spans: 0, rejected: 0 };
  for (const batch of batches) {
    const resource = { attributes: batch.resource };
    for (const span of batch.spans) {
      out.spans++;
      const result = translateSpan(toTranslatable(span, resource));
      if (result.documents.length === 0) {
        out.rejected++;
        out.firstProblem ??= result.problems[0]?.message;
      }
      for (const doc of result.documents) out.documents.push(JSON.stringify(doc));
    }
  }
  return out;
}

function toTranslatable(s: OtlpSpan, resource: TranslatableSpan['resource']): TranslatableSpan {
  const context = { traceId: s.traceId, spanId: s.spanId };
  return {
    name: s.name,
    kind: Math.max(0, s.kind - 1),
    spanContext: () => context,
    ...(s.parentSpanId === ''
      ? {}
      : { parentSpanContext: { traceId: s.traceId, spanId: s.parentSpanId } }),
    startTime: hrTime(s.startNs),
    endTime: hrTime(s.endNs),
    status: {
      code: s.status.code,
      ...(s.status.message === undefined ? {} : { message: s.status.message }),
    },
    attributes: s.attributes,
    events: s.events.map((e) => ({
      name: e.name,
      time: hrTime(e.timeNs),
      attributes: e.attributes,
    })),
    links: s.links.map((l) => ({
      context: { traceId: l.traceId, spanId: l.spanId },
      attributes: l.attributes,
    })),
    resource,
    instrumentationScope: s.scope,
  };
}

function hrTime(ns: bigint): TranslatableHrTime {
  return [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];
}
