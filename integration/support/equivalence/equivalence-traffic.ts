// The integration suites' traffic, driven one step at a time so that two runs of it (one per
// instrumentation mode) give the same traces: each step waits until every service (and the
// notifications function) is done with it before the next starts, so the function's SQS batches
// always hold the same records and no step's work overlaps another's.
import { randomBytes } from 'node:crypto';
import { MAX_RECEIVE_COUNT } from '@otel-xray-services/kit';
import type { LogLine, RunningSystem } from '@otel-xray-services/kit/system';
import { placeOrder, type OrderInput, type PlacedOrder } from '../orders-api.ts';
import { sendRaw } from '../queues.ts';

/** What the traffic left behind: which order is which, to pair the two runs' traces by meaning. */
export interface DrivenTraffic {
  /** Order ID → the step's label (`happy`, `multi-line`, …). */
  readonly orders: ReadonlyMap<string, string>;
  /** Every response, by label (status codes are compared across runs too). */
  readonly responses: ReadonlyMap<string, PlacedOrder>;
}

const WAIT_MS = 30_000;

/**
 * Drives, in order: a gold order (the whole flow, audit and the notifications function), a
 * three-line order (SendMessageBatch, three shipments), a poison order (inventory faults
 * `MAX_RECEIVE_COUNT` times, then the DLQ), an order whose SNS publish fails (500), an invalid
 * order (400), an order with a caller's sampled trace header and one with `Sampled=0`, a body
 * inventory and one shipping cannot use (straight to their DLQs), and last an order whose
 * notification bounces until its DLQ (last: its retries must not share a batch with another
 * order's record). The paths of the order-flow, fault, not-sampled, queries and Lambda suites.
 */
export async function driveTraffic(system: RunningSystem): Promise<DrivenTraffic> {
  const orders = new Map<string, string>();
  const responses = new Map<string, PlacedOrder>();
  const { inventory, shipping, audit } = system.services;
  const place = async (
    label: string,
    order: OrderInput,
    headers: Record<string, string> = {},
  ): Promise<PlacedOrder> => {
    const placed = await placeOrder(system.ordersUrl, order, headers);
    responses.set(label, placed);
    if (typeof placed.body.id === 'string') orders.set(placed.body.id, label);
    return placed;
  };
  const about = (msg: string, orderId: string) => (l: LogLine) =>
    l.msg === msg && l.orderId === orderId;
  /** Waits until the order was shipped (every line) and audited, and its notification batch ran. */
  const delivered = async (placed: PlacedOrder, lines: number): Promise<void> => {
    const id = placed.body.id;
    await audit.waitForLog(about('order audited', id), WAIT_MS);
    await waitFor(
      () => system.services.orders.logs.filter(about('order shipped', id)).length >= lines,
      `${lines} shipment callback(s) of ${id}`,
    );
    await notified(system, id, 1);
  };

  await delivered(
    await place('happy', {
      customerId: 'c-1',
      customerTier: 'gold',
      lines: [{ sku: 'sku-apple', qty: 2 }],
    }),
    1,
  );
  await delivered(
    await place('multi-line', {
      customerId: 'c-3',
      lines: [
        { sku: 'sku-apple', qty: 1 },
        { sku: 'sku-pear', qty: 2 },
        { sku: 'sku-fig', qty: 3 },
      ],
    }),
    3,
  );

  const poison = await place('poison', {
    customerId: 'c-poison',
    lines: [{ sku: 'sku-unobtainium', qty: 1 }],
  });
  await waitFor(
    () =>
      inventory.logs.filter(about('stock check failed', poison.body.id)).length >=
      MAX_RECEIVE_COUNT,
    `${MAX_RECEIVE_COUNT} failed stock checks of the poison order`,
  );
  await audit.waitForLog(about('order audited', poison.body.id), WAIT_MS);
  await notified(system, poison.body.id, 1);

  // neither publishes: one segment each, nothing downstream
  await place(
    'publish-fault',
    { customerId: 'c-ent', customerTier: 'enterprise', lines: [{ sku: 'sku-fig', qty: 1 }] },
    { 'x-demo-fault': 'publish' },
  );
  await place('invalid', { customerId: 'c-600', lines: [] });

  // a caller's trace header: continued when sampled, nothing recorded when not
  const upstream = (sampled: 0 | 1): Record<string, string> => ({
    'X-Amzn-Trace-Id': `Root=${newTraceId()};Parent=${randomBytes(8).toString('hex')};Sampled=${sampled}`,
  });
  const traced = await place(
    'traced-upstream',
    { customerId: 'c-upstream', lines: [{ sku: 'sku-pear', qty: 1 }] },
    upstream(1),
  );
  await delivered(traced, 1);
  const unsampled = await place(
    'unsampled',
    { customerId: 'c-quiet', customerTier: 'enterprise', lines: [{ sku: 'sku-kiwi', qty: 1 }] },
    upstream(0),
  );
  await delivered(unsampled, 1);

  await sendRaw(system.provisioned.queues.inventory.url, 'this is not JSON');
  await sendRaw(
    system.provisioned.queues.shipping.url,
    JSON.stringify({ type: 'ReserveShipment' }),
  );
  for (const consumer of [inventory, shipping])
    await consumer.waitForLog((l) => l.msg === 'unusable message sent to the DLQ', WAIT_MS);

  const bounced = await place('bounced-notification', {
    customerId: 'c-bounce',
    lines: [{ sku: 'sku-apple', qty: 1 }],
  });
  await audit.waitForLog(about('order audited', bounced.body.id), WAIT_MS);
  await waitFor(
    () => system.services.orders.logs.some(about('order shipped', bounced.body.id)),
    'the bounced order shipped',
  );
  await notified(system, bounced.body.id, MAX_RECEIVE_COUNT);
  return { orders, responses };
}

/** Waits until the notifications function has run `count` batches holding a record of `orderId`. */
async function notified(system: RunningSystem, orderId: string, count: number): Promise<void> {
  const fn = system.notifications;
  if (fn === undefined) return;
  await waitFor(
    () => fn.batches.filter((b) => b.records.some((r) => r.body.includes(orderId))).length >= count,
    `${count} notifications batch(es) of ${orderId}`,
    60_000,
  );
}

async function waitFor(done: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fresh X-Ray trace ID for now. */
function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `1-${epoch}-${randomBytes(12).toString('hex')}`;
}
