/** The queue name: the last path segment of an SQS queue URL (undefined for a missing URL). */
export function queueNameOf(queueUrl: unknown): string | undefined {
  if (typeof queueUrl !== 'string' || queueUrl === '') return undefined;
  return queueUrl.slice(queueUrl.lastIndexOf('/') + 1);
}
