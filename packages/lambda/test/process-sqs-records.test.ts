import { describe, expect, it } from 'vitest';
import { processSqsRecords } from '../src/index.ts';

const record = (id: string, arn = 'arn:aws:sqs:us-east-1:123456789012:q') => ({
  messageId: id,
  body: id,
  eventSource: 'aws:sqs',
  eventSourceARN: arn,
});

describe('processSqsRecords', () => {
  it('processes records in order and reports the ones that threw', async () => {
    const seen: string[] = [];
    const result = await processSqsRecords(
      { Records: ['a', 'b', 'c'].map((id) => record(id)) },
      async (r) => {
        seen.push(r.body);
        await Promise.resolve();
        if (r.body === 'b') throw new Error('b failed');
      },
    );
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }] });
  });

  it('on a FIFO queue reports every record after the first failure, unprocessed', async () => {
    const fifo = 'arn:aws:sqs:us-east-1:123456789012:orders.fifo';
    const seen: string[] = [];
    const result = await processSqsRecords(
      { Records: ['a', 'b', 'c'].map((id) => record(id, fifo)) },
      (r) => {
        seen.push(r.body);
        if (r.body === 'b') throw new Error('b failed');
      },
    );
    expect(seen).toEqual(['a', 'b']);
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['b', 'c']);
  });

  it('returns no failures for a malformed event', async () => {
    const result = await processSqsRecords(
      { Records: 'nope' } as unknown as { Records: never[] },
      () => {
        throw new Error('never called');
      },
    );
    expect(result).toEqual({ batchItemFailures: [] });
  });
});
