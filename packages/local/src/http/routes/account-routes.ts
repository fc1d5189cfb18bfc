import { invalidRequest } from '../../errors.ts';
import { list, struct, text } from '../input.ts';
import type { Route, ServerContext } from '../server-context.ts';

/** Encryption config, segment destination, indexing rules and tagging (simple, in memory). */
export function accountRoutes(ctx: ServerContext): Array<[string, Route]> {
  const a = ctx.account;
  return [
    ['/EncryptionConfig', () => ({ EncryptionConfig: a.encryption })],
    [
      '/PutEncryptionConfig',
      (body) => {
        const type = text(body, 'Type', { required: true });
        if (type !== 'NONE' && type !== 'KMS') throw invalidRequest(`Invalid Type: ${type}`);
        const keyId = text(body, 'KeyId', { min: 1, max: 3000 });
        a.encryption = {
          ...(type === 'KMS' && keyId !== undefined ? { KeyId: keyId } : {}),
          Status: 'ACTIVE',
          Type: type,
        };
        return { EncryptionConfig: a.encryption };
      },
    ],
    ['/GetTraceSegmentDestination', () => a.destination],
    [
      '/UpdateTraceSegmentDestination',
      (body) => {
        a.setDestination(text(body, 'Destination') ?? 'XRay');
        return a.destination;
      },
    ],
    [
      '/GetIndexingRules',
      () => ({
        IndexingRules: [
          {
            Name: a.indexing.Name,
            ModifiedAt: a.indexing.ModifiedAt,
            Rule: {
              Probabilistic: {
                DesiredSamplingPercentage: a.indexing.DesiredSamplingPercentage,
                ActualSamplingPercentage: a.indexing.DesiredSamplingPercentage,
              },
            },
          },
        ],
      }),
    ],
    [
      '/UpdateIndexingRule',
      (body) => {
        const name = text(body, 'Name', { required: true });
        if (name !== 'Default') throw invalidRequest(`Indexing rule ${name} does not exist`);
        const pct = struct(struct(body, 'Rule') ?? {}, 'Probabilistic')?.DesiredSamplingPercentage;
        if (typeof pct !== 'number' || pct < 0 || pct > 100)
          throw invalidRequest('DesiredSamplingPercentage must be 0..100');
        a.indexing = {
          Name: 'Default',
          ModifiedAt: ctx.now() / 1000,
          DesiredSamplingPercentage: pct,
        };
        return {
          IndexingRule: {
            Name: 'Default',
            ModifiedAt: a.indexing.ModifiedAt,
            Rule: {
              Probabilistic: { DesiredSamplingPercentage: pct, ActualSamplingPercentage: pct },
            },
          },
        };
      },
    ],
    [
      '/ListTagsForResource',
      (body) => ({
        Tags: a.tags(text(body, 'ResourceARN', { required: true, min: 1, max: 1011 })),
      }),
    ],
    [
      '/TagResource',
      (body) => {
        const arn = text(body, 'ResourceARN', { required: true, min: 1, max: 1011 });
        const tags = list(body, 'Tags', true);
        const valid = tags.every(
          (t) =>
            typeof t === 'object' &&
            t !== null &&
            typeof (t as { Key?: unknown }).Key === 'string' &&
            typeof (t as { Value?: unknown }).Value === 'string',
        );
        if (!valid) throw invalidRequest('Tags must be a list of {Key, Value} strings');
        a.tag(arn, tags as Array<{ Key: string; Value: string }>);
        return {};
      },
    ],
    [
      '/UntagResource',
      (body) => {
        const arn = text(body, 'ResourceARN', { required: true, min: 1, max: 1011 });
        a.untag(
          arn,
          list(body, 'TagKeys', true).filter((k): k is string => typeof k === 'string'),
        );
        return {};
      },
    ],
  ];
}
