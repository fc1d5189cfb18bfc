// A function wrapped in code: one child span, and a failure on request.
import { setTimeout as sleep } from 'node:timers/promises';
import { trace } from '@opentelemetry/api';
import { processSqsRecords, withTracing } from '@otel-xray/lambda';

export const handler = withTracing(async (event) => {
  if (Array.isArray(event?.Records)) return processSqsRecords(event, () => undefined);
  await trace.getTracer('fn').startActiveSpan('load order', async (span) => {
    await sleep(2);
    span.end();
  });
  if (event?.fail) throw new Error('order not found');
  return { statusCode: 200, body: 'ok' };
});
