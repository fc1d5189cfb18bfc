// audit: the topic's second subscriber (raw delivery, so the body is the bare OrderPlaced event).
// Records each event in a segment of the same trace (annotation order_id). An audit log keeps
// whatever arrives, so an event it does not understand is recorded too, never retried.
import { setAnnotation, activeSpan } from '@otel-xray/node';
import { createLogger, requireEnv, runConsumerService } from '@otel-xray-services/kit';

const log = createLogger('audit');
const queueUrl = requireEnv('AUDIT_QUEUE_URL');
let seen = 0;

function orderIdOf(body: string | undefined): string | undefined {
  try {
    const event = JSON.parse(body ?? '') as { type?: unknown; order?: { id?: unknown } };
    return event.type === 'OrderPlaced' && typeof event.order?.id === 'string'
      ? event.order.id
      : undefined;
  } catch {
    return undefined;
  }
}

runConsumerService({
  queueUrl,
  log,
  handle: (message) => {
    const orderId = orderIdOf(message.Body);
    seen++;
    if (orderId) setAnnotation(activeSpan(), 'order_id', orderId);
    setAnnotation(activeSpan(), 'audit_sequence', seen);
    log.info(
      { orderId, messageId: message.MessageId, traceHeader: message.Attributes?.AWSTraceHeader },
      orderId ? 'order audited' : 'unknown event audited',
    );
  },
});
