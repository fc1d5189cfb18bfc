import { describe, it, expect } from 'vitest';
import { batchOutcome } from '../../src/lambda/sqs/batch-outcome.ts';
import type { SqsRecord } from '../../src/lambda/sqs/sqs-event.ts';

const record = (id: string): SqsRecord => ({
  messageId: id,
  receiptHandle: `rh-${id}`,
  body: id,
  attributes: {},
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
  awsRegion: 'us-east-1',
});
const records = [record('a'), record('b'), record('c')];
const ids = (list: SqsRecord[]) => list.map((r) => r.messageId);

describe('batchOutcome', () => {
  describe('after a function error', () => {
    it('keeps every record for a retry', () => {
      const o = batchOutcome(records, { functionError: 'Unhandled', payload: {} }, true);
      expect([ids(o.deleted), ids(o.retried), o.reason]).toEqual([
        [],
        ['a', 'b', 'c'],
        'function-error',
      ]);
    });
  });

  describe('without ReportBatchItemFailures', () => {
    it('deletes every record whatever the response says', () => {
      const o = batchOutcome(
        records,
        { payload: { batchItemFailures: [{ itemIdentifier: 'a' }] } },
        false,
      );
      expect(ids(o.deleted)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('with ReportBatchItemFailures', () => {
    it('keeps only the reported records', () => {
      const o = batchOutcome(
        records,
        { payload: { batchItemFailures: [{ itemIdentifier: 'b' }] } },
        true,
      );
      expect([ids(o.deleted), ids(o.retried), o.reason]).toEqual([
        ['a', 'c'],
        ['b'],
        'reported-failures',
      ]);
    });

    it.each([null, undefined, '', {}, { batchItemFailures: [] }, { batchItemFailures: null }])(
      'treats %j as complete success',
      (payload) => {
        expect(ids(batchOutcome(records, { payload }, true).deleted)).toEqual(['a', 'b', 'c']);
      },
    );

    it.each([
      { batchItemFailures: [{ itemIdentifier: 'zzz' }] },
      { batchItemFailures: [{ itemIdentifier: '' }] },
      { batchItemFailures: [{}] },
      { batchItemFailures: [null] },
      { batchItemFailures: 'a' },
      'not an object',
      [1, 2],
    ])('fails the whole batch for the invalid response %j', (payload) => {
      const o = batchOutcome(records, { payload }, true);
      expect([ids(o.retried), o.reason]).toEqual([['a', 'b', 'c'], 'invalid-response']);
    });
  });
});
