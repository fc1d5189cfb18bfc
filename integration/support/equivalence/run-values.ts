import type { RunningSystem } from '@otel-xray-services/kit/system';
import type { DrivenTraffic } from './equivalence-traffic.ts';
import type { RunValues } from './segment-normaliser.ts';

/** The per-run values of one system after its traffic: order and trace labels, prefix, port. */
export function runValues(system: RunningSystem, traffic: DrivenTraffic): RunValues {
  const requests = new Map<string, string>();
  for (const [label, placed] of traffic.responses) requests.set(placed.traceId, label);
  // the topic is `<prefix>-orders` (see provision), and every queue `<prefix>-<name>`
  const topic = system.provisioned.topicArn.split(':').at(-1) ?? '';
  return {
    orders: traffic.orders,
    requests,
    prefix: topic.replace(/-orders$/, ''),
    ordersPort: Number(new URL(system.ordersUrl).port),
  };
}
