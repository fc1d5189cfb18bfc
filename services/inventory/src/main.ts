// inventory: consumes the queue subscribed to the orders topic, reserves stock inside a custom
// `validate_inventory` subsegment and sends ReserveShipment to the shipping queue (one message,
// or a SendMessageBatch with one entry per line for multi-line orders). A poison order (unknown
// SKU) throws: the message is retried and, after maxReceiveCount, SQS moves it to the DLQ with its
// AWSTraceHeader. Unusable messages (not JSON, missing fields) go to the DLQ at once.
import { SQSClient, SendMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { withSubsegment, setAnnotation, setMetadata, activeSpan } from '@otel-xray/node';
import {
  createLogger,
  requireEnv,
  runConsumerService,
  rejectUnusable,
} from '@otel-xray-services/kit';
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

// The AWSTraceHeader of the messages sent here comes from the SDK call's X-Amzn-Trace-Id header
// (the tracing setup adds it inside the SendMessage subsegment), so each message's parent is that
// subsegment and X-Ray draws inventory → queue → shipping.
async function reserveShipment({ order }: OrderPlaced): Promise<void> {
  const body = (line: OrderPlaced['order']['lines'][number], lineIndex: number): string =>
    JSON.stringify({ type: 'ReserveShipment', orderId: order.id, line, lineIndex });
  if (order.lines.length === 1) {
    await sqs.send(
      new SendMessageCommand({ QueueUrl: shippingQueueUrl, MessageBody: body(order.lines[0]!, 0) }),
    );
    return;
  }
  // SendMessageBatch takes at most 10 entries
  for (let start = 0; start < order.lines.length; start += 10) {
    const out = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: shippingQueueUrl,
        Entries: order.lines.slice(start, start + 10).map((line, i) => ({
          Id: `line-${start + i}`,
          MessageBody: body(line, start + i),
        })),
      }),
    );
    if (out.Failed?.length) throw new Error(`${out.Failed.length} shipment entries failed`);
  }
}

runConsumerService({
  queueUrl,
  log,
  sqs,
  handle: async (message) => {
    const parsed = parseOrderPlaced(message.Body);
    if (!parsed.ok) return rejectUnusable(message, parsed.error, { sqs, dlqUrl, log });
    const { order } = parsed.value;
    setAnnotation(activeSpan(), 'order_id', order.id);
    if (order.customerTier) setAnnotation(activeSpan(), 'customer_tier', order.customerTier);
    setMetadata(activeSpan(), 'lines', order.lines);
    const skus = order.lines.map((line) => line.sku);
    withSubsegment('validate_inventory', () => {
      try {
        stock.validate(order.lines);
      } catch (err) {
        // Logged inside validate_inventory, so the line names that subsegment.
        log.error({ err, orderId: order.id, skus }, 'stock check failed');
        throw err;
      }
      stock.reserve(order.lines);
    });
    await reserveShipment(parsed.value);
    log.info({ orderId: order.id, skus, lines: order.lines.length }, 'stock reserved');
  },
});
