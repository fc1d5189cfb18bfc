/** The ReserveShipment command inventory sends, one per order line. */
export interface ReserveShipment {
  type: 'ReserveShipment';
  orderId: string;
  line: { sku: string; qty: number };
  lineIndex: number;
}

/** Reads a ReserveShipment from an SQS body; says why it is unusable instead of throwing. */
export function parseReserveShipment(
  body: string | undefined,
): { ok: true; value: ReserveShipment } | { ok: false; error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(body ?? '');
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
  const m = doc as Partial<Record<keyof ReserveShipment, unknown>> | null;
  if (m?.type !== 'ReserveShipment') return { ok: false, error: 'not a ReserveShipment' };
  if (typeof m.orderId !== 'string' || m.orderId === '')
    return { ok: false, error: 'orderId missing' };
  const line = m.line as { sku?: unknown; qty?: unknown } | undefined;
  if (typeof line?.sku !== 'string' || !Number.isInteger(line.qty))
    return { ok: false, error: 'line missing or malformed' };
  return {
    ok: true,
    value: {
      type: 'ReserveShipment',
      orderId: m.orderId,
      line: { sku: line.sku, qty: line.qty as number },
      lineIndex: Number.isInteger(m.lineIndex) ? (m.lineIndex as number) : 0,
    },
  };
}
