// The business logic of the notifications step (pure): which message a customer gets for an
// OrderPlaced event, and on which channels. Shared by the Lambda handler and its tests.

/** A notification to send. */
export interface Notification {
  orderId: string;
  customerId: string;
  /** Enterprise customers' account managers are called as well. */
  channels: Array<'email' | 'phone'>;
  text: string;
}

/** An event that can never be notified: retrying will not help (the batch reports it). */
export class UndeliverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeliverableError';
  }
}

/** Customers whose address bounced: their notifications fail until they end in the DLQ. */
export const BOUNCED_CUSTOMERS: ReadonlySet<string> = new Set(['c-bounce']);

interface OrderPlaced {
  type: 'OrderPlaced';
  order: {
    id: string;
    customerId: string;
    customerTier?: string;
    lines?: Array<{ sku?: string; qty?: number }>;
  };
}

function orderPlaced(body: string): OrderPlaced {
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    throw new UndeliverableError('message body is not JSON');
  }
  const e = event as Partial<OrderPlaced> | null;
  if (e?.type !== 'OrderPlaced') throw new UndeliverableError('not an OrderPlaced event');
  if (typeof e.order?.id !== 'string' || typeof e.order.customerId !== 'string')
    throw new UndeliverableError('OrderPlaced without order id or customer');
  return e as OrderPlaced;
}

/** The notification for an SNS-delivered (raw) OrderPlaced body; throws UndeliverableError. */
export function composeNotification(body: string): Notification {
  const { order } = orderPlaced(body);
  if (BOUNCED_CUSTOMERS.has(order.customerId))
    throw new UndeliverableError(`address of customer ${order.customerId} bounced`);
  const items = (order.lines ?? []).reduce((n, l) => n + (Number.isInteger(l.qty) ? l.qty! : 0), 0);
  return {
    orderId: order.id,
    customerId: order.customerId,
    channels: order.customerTier === 'enterprise' ? ['email', 'phone'] : ['email'],
    text: `Order ${order.id} received: ${items} item${items === 1 ? '' : 's'}.`,
  };
}
