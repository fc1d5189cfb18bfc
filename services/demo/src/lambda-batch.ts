// Finds the notifications function's batch that carried a given order: the invocation whose
// trace the demo prints (AWS::Lambda → AWS::Lambda::Function → the handler's subsegments).
import type { SqsBatchReport } from '@otel-xray/testing';
import type { RunningSystem } from '@otel-xray-services/kit/system';

/** The first batch with a record of order `orderId`; rejects after `timeoutMs`. */
export async function batchWithOrder(
  system: RunningSystem,
  orderId: string,
  timeoutMs = 30_000,
): Promise<SqsBatchReport> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const batch = system.notifications?.batches.find((b) =>
      b.records.some((r) => r.body.includes(`"${orderId}"`)),
    );
    if (batch) return batch;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the notifications function got no batch with order ${orderId}`);
}
