// What happens to a batch after the invocation (Lambda developer guide, "Handling errors for an
// SQS event source in Lambda" / partial batch responses): a function error keeps every message
// (they return after the visibility timeout); success deletes all, except, with
// ReportBatchItemFailures, the records the response names. A response that names an unknown or
// empty itemIdentifier, or is not the documented shape, fails the whole batch.
import type { SqsRecord } from './sqs-event.ts';

/** Which records to delete and which stay on the queue. */
export interface BatchOutcome {
  /** Records to delete (processed). */
  deleted: SqsRecord[];
  /** Records left for a retry. */
  retried: SqsRecord[];
  /** Why records were retried, for logs and tests. */
  reason?: 'function-error' | 'reported-failures' | 'invalid-response';
}

const all = (records: SqsRecord[], reason: BatchOutcome['reason']): BatchOutcome => ({
  deleted: [],
  retried: records,
  ...(reason !== undefined ? { reason } : {}),
});

/** Decides the batch's outcome from the invocation's result (pure). */
export function batchOutcome(
  records: SqsRecord[],
  result: { functionError?: string; payload: unknown },
  reportBatchItemFailures: boolean,
): BatchOutcome {
  if (result.functionError !== undefined) return all(records, 'function-error');
  if (!reportBatchItemFailures) return { deleted: records, retried: [] };
  const payload = result.payload;
  if (payload === null || payload === undefined || payload === '')
    return { deleted: records, retried: [] };
  if (typeof payload !== 'object' || Array.isArray(payload))
    return all(records, 'invalid-response');
  const failures = (payload as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { deleted: records, retried: [] };
  if (!Array.isArray(failures)) return all(records, 'invalid-response');
  const ids = new Set(records.map((r) => r.messageId));
  const failed = new Set<string>();
  for (const item of failures as unknown[]) {
    const id = (item as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !ids.has(id))
      return all(records, 'invalid-response');
    failed.add(id);
  }
  if (failed.size === 0) return { deleted: records, retried: [] };
  return {
    deleted: records.filter((r) => !failed.has(r.messageId)),
    retried: records.filter((r) => failed.has(r.messageId)),
    reason: 'reported-failures',
  };
}
