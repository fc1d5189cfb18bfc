// Test function for the SQS event-source mapping: throws for a record whose body is "throw",
// reports records whose body starts with "fail" as batch item failures.
export const handler = async (event) => {
  const records = event.Records ?? [];
  if (records.some((r) => r.body === 'throw')) throw new Error('batch rejected');
  return {
    batchItemFailures: records
      .filter((r) => r.body.startsWith('fail'))
      .map((r) => ({ itemIdentifier: r.messageId })),
  };
};
