// shipping: consumes the shipping queue and calls the orders service back over HTTP.
import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import {
  processMessage,
  setAnnotation,
  activeSpan,
  sqsReceiveInput,
  shutdownTracing,
} from '@otel-xray/node';
import { createLogger, requireEnv, intEnv, startConsumer, postJson } from '@otel-xray-services/kit';

const log = createLogger('shipping');
const queueUrl = requireEnv('SHIPPING_QUEUE_URL');
const ordersUrl = requireEnv('ORDERS_URL');
const sqs = new SQSClient({});

async function handle(message: Message): Promise<void> {
  await processMessage(message, { queueUrl }, async () => {
    let body: { type?: unknown; orderId?: unknown; line?: unknown };
    try {
      body = JSON.parse(message.Body ?? '') as typeof body;
    } catch {
      log('dropping a message that is not JSON', { messageId: message.MessageId });
      return;
    }
    if (body.type !== 'ReserveShipment' || typeof body.orderId !== 'string') {
      log('dropping an unknown message', { messageId: message.MessageId });
      return;
    }
    setAnnotation(activeSpan(), 'order_id', body.orderId);
    const res = await postJson(`${ordersUrl}/orders/${encodeURIComponent(body.orderId)}/shipped`, {
      line: body.line,
    });
    if (res.status >= 500) throw new Error(`orders callback failed with ${res.status}`);
    log('shipment booked', { orderId: body.orderId, status: res.status });
  });
}

const consumer = startConsumer({
  sqs,
  queueUrl,
  handle,
  receiveInput: sqsReceiveInput(),
  visibilityTimeout: intEnv('VISIBILITY_TIMEOUT', 1),
  onError: (error) => log('message failed; it will be retried', { error: String(error) }),
});
log('consuming', { queueUrl });

process.once('SIGTERM', () => {
  log('stopping');
  void consumer
    .stop()
    .then(() => shutdownTracing())
    .finally(() => process.exit(0));
});
