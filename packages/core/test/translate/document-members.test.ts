// The document objects carry only the members they have: internally the http and aws blocks are
// planned as fixed-shape objects with undefined for what is omitted (so that V8 keeps its optimized
// code across full GCs); none of that may leak into what toSegmentDocuments returns.
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { toSegmentDocuments } from '@otel-xray/core';
import { makeLink, makeSpan } from '../support/span-factory.ts';
import { randomSpans } from './random-spans.ts';

/** Paths of own members whose value is undefined, anywhere in `value`. */
function undefinedMembers(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) found.push(`${path}.${key}`);
    else found.push(...undefinedMembers(member, `${path}.${key}`));
  }
  return found;
}

describe('toSegmentDocuments', () => {
  it('gives documents without undefined members, for 400 seeded spans', () => {
    let documents = 0;
    for (const { span, options } of randomSpans(20261207, 400)) {
      for (const doc of toSegmentDocuments(span, options)) {
        expect(undefinedMembers(doc)).toEqual([]);
        documents += 1;
      }
    }
    expect(documents).toBeGreaterThanOrEqual(400);
  });

  it('writes only the http and aws members a span has, in the collector order', () => {
    const [doc] = toSegmentDocuments(
      makeSpan({
        kind: SpanKind.CLIENT,
        parentSpanId: 'def5f36c82bfb98a',
        attributes: {
          'rpc.system': 'aws-api',
          'rpc.service': 'SQS',
          'rpc.method': 'SendMessage',
          'messaging.system': 'aws_sqs',
          'messaging.destination.name': 'q',
          'url.full': 'https://sqs.us-east-1.amazonaws.com/1/q',
          'http.request.method': 'POST',
          'http.response.status_code': 200,
        },
        links: [makeLink('5759e988bd862e3fe1be46a994272793', '53995c3f42cd8ad8')],
      }),
    );
    expect(Object.keys(doc!.http!.request!)).toEqual(['method', 'url']);
    expect(Object.keys(doc!.http!.response!)).toEqual(['status', 'content_length']);
    const aws = doc!.aws as Record<string, unknown>;
    expect(Object.keys(aws).filter((key) => key !== 'xray')).toEqual([
      'operation',
      'queue_url',
      'queue_name',
    ]);
    expect(Object.keys(doc!.links![0]!)).toEqual(['trace_id', 'id']);
  });
});
