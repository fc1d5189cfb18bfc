// notifications as a Lambda function: an SQS batch of OrderPlaced events (raw delivery from the
// orders topic). Each record runs in its own span linked to the order's trace; a notification
// that cannot be delivered is reported in batchItemFailures, retried by the queue, then
// redriven to its DLQ.
import { setAnnotation, withSubsegment } from '@otel-xray/exporter';
import { processSqsRecords, withTracing } from '@otel-xray/lambda';
import type { SqsBatchResponse } from '@otel-xray/lambda';
import { composeNotification } from './notification.ts';

interface SqsRecordLike {
  messageId: string;
  body: string;
}

/** The function's handler (`index.handler`). */
export const handler = withTracing(
  (event: { Records: SqsRecordLike[] }): Promise<SqsBatchResponse> =>
    processSqsRecords(event, (record) =>
      withSubsegment('compose_notification', (span) => {
        const notification = composeNotification(record.body);
        setAnnotation(span, 'order_id', notification.orderId);
        setAnnotation(span, 'channels', notification.channels.join('+'));
        console.log(JSON.stringify({ msg: 'notified', ...notification }));
        return notification;
      }),
    ),
);
