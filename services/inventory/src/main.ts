// inventory: consumes the queue subscribed to the orders topic, reserves stock inside a custom
// `validate_inventory` subsegment and sends ReserveShipment to the shipping queue (one message,
// or a SendMessageBatch with one entry per line for multi-line orders). A poison order (unknown
// SKU) throws: the message is retried and, after maxReceiveCount, lands in the DLQ with its
// AWSTraceHeader. Unusable messages (not JSON, missing fields) go to the DLQ at once.
import {
  SQSClient,
  SendMessageCommand,
  SendMessageBatchCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import {
  processMessage,
  withSubsegment,
  setAnnotation,
  activeSpan,
  sqsReceiveInput,
  injectSqsSendMessage,
  injectSqsSendMessageBatch,
  shutdownTracing,
} from '@otel-xray/node';
import { createLogger, requireEnv, intEnv, startConsumer } from '@otel-xray-services/kit';
import { Stock } from './stock.ts';
import { parseOrderPlaced, type OrderPlaced } from './order-message.ts';

const log = createLogger('inventory');
const queueUrl = requireEnv('INVENTORY_QUEUE_URL');
const dlqUrl = requireEnv('INVENTORY_DLQ_URL');
const shippingQueueUrl = requireEnv('SHIPPING_QUEUE_URL');
const sqs = new SQSClient({});
const stock = new Stock({
  'sku-apple': 1_000_000,
  'sku-pear': 1_000_000,
  'sku-fig': 1_000_000,
  'sku-kiwi': 1_000_000,
});

async function reserveShipment({ order }: OrderPlaced): Promise<void> {
  if (order.lines.length === 1) {
    await sqs.send(
      new SendMessageCommand(
        injectSqsSendMessage({
          QueueUrl: shippingQueueUrl,
          MessageBody: JSON.stringify({
            type: 'ReserveShipment',
            orderId: order.id,
            line: order.lines[0],
          }),
        }),
      ),
    );
    return;
  }
  await sqs.send(
    new SendMessageBatchCommand(
      injectSqsSendMessageBatch({
        QueueUrl: shippingQueueUrl,
        Entries: order.lines.slice(0, 10).map((line, i) => ({
          Id: `line-${i}`,
          MessageBody: JSON.stringify({
            type: 'ReserveShipment',
            orderId: order.id,
            line,
            lineIndex: i,
          }),
        })),
      }),
    ),
  );
}

async function deadLetter(message: Message, reason: string): Promise<void> {
  const header = message.Attributes?.AWSTraceHeader;
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: dlqUrl,
      MessageBody: message.Body ?? '',
      MessageAttributes: { reason: { DataType: 'String', StringValue: reason } },
      ...(header
        ? {
            MessageSystemAttributes: {
              AWSTraceHeader: { DataType: 'String', StringValue: header },
            },
          }
        : {}),
    }),
  );
}

async function handle(message: Message): Promise<void> {
  await processMessage(message, { queueUrl }, async () => {
    const parsed = parseOrderPlaced(message.Body);
    if (!parsed.ok) {
      log('unusable message sent to the DLQ', {
        messageId: message.MessageId,
        error: parsed.error,
      });
      await deadLetter(message, parsed.error);
      return;
    }
    const { order } = parsed.value;
    setAnnotation(activeSpan(), 'order_id', order.id);
    if (order.customerTier) setAnnotation(activeSpan(), 'customer_tier', order.customerTier);
    withSubsegment('validate_inventory', () => {
      stock.validate(order.lines);
      stock.reserve(order.lines);
    });
    await reserveShipment(parsed.value);
    log('stock reserved', {
      orderId: order.id,
      receiveCount: message.Attributes?.ApproximateReceiveCount,
    });
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
