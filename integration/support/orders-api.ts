// A client of the orders API as a test (an untraced caller) uses it.

/** A line of an order request. */
export interface OrderLineInput {
  sku: string;
  qty: number;
}

/** A `POST /orders` body. */
export interface OrderInput {
  customerId: string;
  customerTier?: 'standard' | 'gold' | 'enterprise';
  lines: OrderLineInput[];
}

/** What `placeOrder` returns. */
export interface PlacedOrder {
  status: number;
  /** The response body (the order, or `{ error }`). */
  body: { id: string; [key: string]: unknown };
  /** X-Ray trace ID of the request, from the response's `x-amzn-trace-id`. */
  traceId: string;
  /** performance.now() when the response had fully arrived. */
  endedAt: number;
}

/** POSTs an order; `headers` may carry an `X-Amzn-Trace-Id` or `x-demo-fault`. */
export async function placeOrder(
  ordersUrl: string,
  order: OrderInput,
  headers: Record<string, string> = {},
): Promise<PlacedOrder> {
  const res = await fetch(`${ordersUrl}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(order),
  });
  const body = (await res.json()) as PlacedOrder['body'];
  const endedAt = performance.now();
  const root = /Root=([^;]+)/.exec(res.headers.get('x-amzn-trace-id') ?? '')?.[1] ?? '';
  return { status: res.status, body, traceId: root, endedAt };
}
