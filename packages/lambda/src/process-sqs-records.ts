import { context as api, diag, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { arnName, objectOf, textOf } from './triggers/event-fields.ts';
import { recordMessageId, recordProducer } from './triggers/message-links.ts';

/** The partial-batch response Lambda reads when `ReportBatchItemFailures` is on. */
export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** An SQS event as far as {@link processSqsRecords} reads it. */
export interface SqsEventLike<R> {
  Records: R[];
}

const TRACER_NAME = '@otel-xray/lambda';

/**
 * Runs `process` for each record of an SQS batch, one after another, each in its own span
 * (`<queue> process`, linked to the record's producer through its `AWSTraceHeader`), and returns
 * the partial-batch response: a record whose `process` throws is reported in `batchItemFailures`
 * (so only it is retried, and redriven to the DLQ after `maxReceiveCount`); the others are deleted.
 * On a FIFO queue the records after a failure are reported too, unprocessed, to keep the order.
 * Never throws.
 * @example
 * export const handler = withTracing((event: SQSEvent) =>
 *   processSqsRecords(event, async (record) => ship(JSON.parse(record.body))),
 * );
 */
export async function processSqsRecords<R>(
  event: SqsEventLike<R>,
  process: (record: R) => unknown,
): Promise<SqsBatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  const records: unknown[] = Array.isArray(objectOf(event)?.Records) ? event.Records : [];
  const tracer = trace.getTracer(TRACER_NAME);
  let failedFifo = false;
  for (const record of records) {
    const id = recordMessageId(record) ?? '';
    const source = textOf(objectOf(record)?.eventSourceARN);
    if (failedFifo) {
      failures.push({ itemIdentifier: id });
      continue;
    }
    const producer = recordProducer(record, 'sqs');
    const span = tracer.startSpan(`${arnName(source) ?? 'sqs'} process`, {
      kind: SpanKind.INTERNAL,
      attributes: {
        'messaging.system': 'aws_sqs',
        'messaging.operation.type': 'process',
        ...(id !== '' && { 'messaging.message.id': id }),
      },
      links: producer ? [{ context: producer }] : [],
    });
    try {
      await api.with(trace.setSpan(api.active(), span), () => process(record as R));
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      diag.debug(`@otel-xray/lambda: SQS record ${id} failed`, error);
      failures.push({ itemIdentifier: id });
      if (source?.endsWith('.fifo')) failedFifo = true;
    } finally {
      span.end();
    }
  }
  return { batchItemFailures: failures };
}
