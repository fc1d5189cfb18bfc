// shipping: consumes the shipping queue and calls the orders service back over HTTP. A message it
// cannot use (not JSON, not a ReserveShipment) goes to the shipping DLQ; a failed callback (5xx,
// network) is retried through the queue's redrive policy.
import { SQSClient } from '@aws-sdk/client-sqs';
import { setAnnotation, activeSpan } from '@otel-xray/node';
import {
  createLogger,
  requireEnv,
  postJson,
  runConsumerService,
  rejectUnusable,
} from '@otel-xray-services/kit';
import { parseReserveShipment } from './reserve-shipment.ts';

const log = createLogger('shipping');
const queueUrl = requireEnv('SHIPPING_QUEUE_URL');
const dlqUrl = requireEnv('SHIPPING_DLQ_URL');
const ordersUrl = requireEnv('ORDERS_URL');
const sqs = new SQSClient({});

runConsumerService({
  queueUrl,
  log,
  sqs,
  handle: async (message) => {
    const parsed = parseReserveShipment(message.Body);
    if (!parsed.ok) return rejectUnusable(message, parsed.error, { sqs, dlqUrl, log });
    const { orderId, line } = parsed.value;
    setAnnotation(activeSpan(), 'order_id', orderId);
    const res = await postJson(`${ordersUrl}/orders/${encodeURIComponent(orderId)}/shipped`, {
      line,
    });
    if (res.status >= 500) throw new Error(`orders callback failed with ${res.status}`);
    log.info(
      {
        orderId,
        sku: line.sku,
        status: res.status,
        traceHeader: message.Attributes?.AWSTraceHeader,
      },
      'shipment booked',
    );
  },
});
