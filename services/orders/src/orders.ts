/** One line of an order. */
export interface OrderLine {
  sku: string;
  qty: number;
}

/** An order as the API stores and publishes it. */
export interface Order {
  id: string;
  customerId: string;
  customerTier: 'standard' | 'gold' | 'enterprise';
  lines: OrderLine[];
  status: 'placed' | 'shipped';
  createdAt: string;
  shippedAt?: string;
}

const TIERS = new Set(['standard', 'gold', 'enterprise']);

/** Validates a `POST /orders` body; returns the problem in words, or the order fields. */
export function parseOrderRequest(
  body: unknown,
):
  | { ok: true; value: Pick<Order, 'customerId' | 'customerTier' | 'lines'> }
  | { ok: false; error: string } {
  if (typeof body !== 'object' || body === null)
    return { ok: false, error: 'body must be a JSON object' };
  const b = body as Record<string, unknown>;
  if (typeof b.customerId !== 'string' || b.customerId === '')
    return { ok: false, error: 'customerId is required' };
  const tier = b.customerTier ?? 'standard';
  if (typeof tier !== 'string' || !TIERS.has(tier))
    return { ok: false, error: 'customerTier must be standard, gold or enterprise' };
  if (!Array.isArray(b.lines) || b.lines.length === 0 || b.lines.length > 50) {
    return { ok: false, error: 'lines must be a non-empty array (at most 50)' };
  }
  const lines: OrderLine[] = [];
  for (const line of b.lines as unknown[]) {
    const l = line as Record<string, unknown>;
    if (typeof l?.sku !== 'string' || !Number.isInteger(l.qty) || (l.qty as number) < 1) {
      return { ok: false, error: 'each line needs a sku (string) and qty (integer ≥ 1)' };
    }
    lines.push({ sku: l.sku, qty: l.qty as number });
  }
  return {
    ok: true,
    value: { customerId: b.customerId, customerTier: tier as Order['customerTier'], lines },
  };
}
