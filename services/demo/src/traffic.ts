// The demo's burst of orders and, for each, the shape its trace has once complete.
import type { TraceExpectation } from '@otel-xray/testing';
import { MAX_RECEIVE_COUNT } from '@otel-xray-services/kit';

/** One request of the burst. */
export interface DemoOrder {
  /** What the order shows (its heading adds the HTTP status). */
  label: string;
  body: unknown;
  headers?: Record<string, string>;
  /** The trace is printed once it meets this. */
  expect: TraceExpectation;
  /** Print the services' log lines of this trace under its tree. */
  logs?: boolean;
}

const line = (sku: string, qty = 1): { sku: string; qty: number } => ({ sku, qty });

/** Standard, enterprise, multi-line (SendMessageBatch), poison, failing-publish and invalid orders. */
export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    label: 'standard order',
    body: { customerId: 'c-100', customerTier: 'standard', lines: [line('sku-apple')] },
    // orders, inventory, audit, shipping, orders (callback)
    expect: { segments: 5, services: ['orders', 'inventory', 'shipping', 'audit'] },
  },
  {
    label: 'enterprise order',
    body: { customerId: 'c-200', customerTier: 'enterprise', lines: [line('sku-pear', 2)] },
    expect: { segments: 5, services: ['orders', 'inventory', 'shipping', 'audit'] },
  },
  {
    label: 'multi-line order: inventory → SendMessageBatch, one shipping segment per line',
    body: {
      customerId: 'c-300',
      customerTier: 'gold',
      lines: [line('sku-apple'), line('sku-fig', 3), line('sku-kiwi', 2)],
    },
    // orders, inventory, audit, 3 × (shipping, orders callback)
    expect: { segments: 9 },
  },
  {
    label: `poison order (unknown SKU): inventory faults on all ${MAX_RECEIVE_COUNT} receives, then the DLQ`,
    body: { customerId: 'c-400', customerTier: 'standard', lines: [line('sku-durian')] },
    logs: true,
    expect: {
      until: (t) =>
        t.nodes.filter((n) => n.service === 'inventory' && n.kind === 'segment' && n.fault)
          .length >= MAX_RECEIVE_COUNT,
    },
  },
  {
    label: 'enterprise order whose SNS publish fails (x-demo-fault: publish)',
    body: { customerId: 'c-500', customerTier: 'enterprise', lines: [line('sku-pear')] },
    headers: { 'x-demo-fault': 'publish' },
    expect: { segments: 1 },
  },
  {
    label: 'invalid order (no lines)',
    body: { customerId: 'c-600', lines: [] },
    expect: { segments: 1 },
  },
];

/** Filter expressions worth trying in the UI, with what they find. */
export const DEMO_QUERIES: ReadonlyArray<{ filter: string; finds: string }> = [
  { filter: 'service("inventory") { fault }', finds: 'the poison order' },
  {
    filter: 'annotation.customer_tier = "enterprise" AND fault = true',
    finds: 'failed enterprise orders',
  },
  { filter: 'http.url CONTAINS "/orders"', finds: 'every order request' },
  { filter: 'service("orders") AND duration > 0', finds: 'every trace through orders' },
  { filter: 'error', finds: 'requests answered 4xx' },
];
