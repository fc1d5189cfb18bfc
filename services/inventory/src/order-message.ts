/** The OrderPlaced event as inventory reads it. */
export interface OrderPlaced {
  order: { id: string; customerTier?: string; lines: Array<{ sku: string; qty: number }> };
}

/**
 * Reads an OrderPlaced event from an SQS body: the SNS JSON envelope (raw delivery off) or the bare
 * message (raw delivery on). Returns why it is unusable instead of throwing.
 */
export function parseOrderPlaced(
  body: string | undefined,
): { ok: true; value: OrderPlaced } | { ok: false; error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(body ?? '');
    const envelope = doc as { Type?: unknown; Message?: unknown };
    if (envelope?.Type === 'Notification' && typeof envelope.Message === 'string')
      doc = JSON.parse(envelope.Message);
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
  const event = doc as { type?: unknown; order?: { id?: unknown; lines?: unknown } };
  if (event?.type !== 'OrderPlaced') return { ok: false, error: 'not an OrderPlaced event' };
  const order = event.order;
  if (typeof order?.id !== 'string' || !Array.isArray(order.lines))
    return { ok: false, error: 'order id or lines missing' };
  const lines = order.lines as Array<{ sku?: unknown; qty?: unknown }>;
  if (!lines.every((l) => typeof l?.sku === 'string' && Number.isInteger(l.qty)))
    return { ok: false, error: 'bad order lines' };
  return { ok: true, value: event as OrderPlaced };
}
