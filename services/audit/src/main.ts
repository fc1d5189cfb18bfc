// audit: the topic's second subscriber (raw delivery, so the body is the bare OrderPlaced event).
// Records each event in a segment of the same trace (annotation order_id). An audit log keeps
// whatever arrives, so an event it does not understand is recorded too, never retried.
import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import {
  processMessage,
  setAnnotation,
  activeSpan,
  sqsReceiveInput,
  shutdownTracing,
} from '@otel-xray/node';
import {
  createLogger,
  exitGracefully,
  requireEnv,
  intEnv,
  startConsumer,
} from '@otel-xray-services/kit';

const log = createLogger('audit');
const queueUrl = requireEnv('AUDIT_QUEUE_URL');
const sqs = new SQSClient({});
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

async function handle(message: Message): Promise<void> {
  await processMessage(message, { queueUrl }, () => {
    const orderId = orderIdOf(message.Body);
    seen++;
    if (orderId) setAnnotation(activeSpan(), 'order_id', orderId);
    setAnnotation(activeSpan(), 'audit_sequence', seen);
    log(orderId ? 'order audited' : 'unknown event audited', {
      orderId,
      messageId: message.MessageId,
      traceHeader: message.Attributes?.AWSTraceHeader,
    });
  });
}

const consumer = startConsumer({
  sqs,
  queueUrl,
  handle,
  receiveInput: sqsReceiveInput(),
  visibilityTimeout: intEnv('VISIBILITY_TIMEOUT', 1),
  onError: (error) => log('receive failed', { error: String(error) }),
});
log('consuming', { queueUrl });

exitGracefully(
  async () => {
    await consumer.stop();
    await shutdownTracing();
  },
  (msg) => log(msg),
);
