// A signed path through `@aws-sdk/client-xray`: pass an `XRay` (aggregated) client, which has
// `getSamplingRules` and `getSamplingTargets` methods. The SDK uses `Date` for timestamps; the
// sampler uses epoch seconds, so this adapter converts both ways. No import of the SDK is needed.
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type {
  GetSamplingRulesResponse,
  GetSamplingTargetsResponse,
  SamplingTransport,
} from './types.ts';

/** The structural subset of `XRay` from `@aws-sdk/client-xray` this transport calls. */
export interface XRayClientLike {
  getSamplingRules(input: { NextToken?: string }): Promise<unknown>;
  getSamplingTargets(input: {
    SamplingStatisticsDocuments: {
      RuleName: string;
      ClientID: string;
      Timestamp: Date;
      RequestCount: number;
      SampledCount: number;
      BorrowCount: number;
    }[];
  }): Promise<unknown>;
}

function seconds(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime() / 1000;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Wraps a signed X-Ray client (real AWS or any endpoint it is configured for).
 *
 * @example
 * import { XRay } from '@aws-sdk/client-xray';
 * const sampler = new XRaySampler({ transport: xrayClientTransport(new XRay({ region: 'eu-west-1' })) });
 */
export function xrayClientTransport(client: XRayClientLike): SamplingTransport {
  const quiet = <T>(fn: () => Promise<T>): Promise<T> =>
    context.with(suppressTracing(context.active()), fn);
  return {
    async getSamplingRules(input) {
      const out = (await quiet(() => client.getSamplingRules(input))) as GetSamplingRulesResponse;
      for (const record of out.SamplingRuleRecords ?? []) {
        record.CreatedAt = seconds(record.CreatedAt);
        record.ModifiedAt = seconds(record.ModifiedAt);
      }
      return out;
    },
    async getSamplingTargets(input) {
      const docs = input.SamplingStatisticsDocuments.map((d) => ({
        ...d,
        Timestamp: new Date(d.Timestamp * 1000),
      }));
      const out = (await quiet(() =>
        client.getSamplingTargets({ SamplingStatisticsDocuments: docs }),
      )) as GetSamplingTargetsResponse;
      const converted: GetSamplingTargetsResponse = { ...out };
      const last = seconds(out.LastRuleModification);
      if (last !== undefined) converted.LastRuleModification = last;
      converted.SamplingTargetDocuments = (out.SamplingTargetDocuments ?? []).map((t) => {
        const ttl = seconds(t.ReservoirQuotaTTL);
        return ttl === undefined ? t : { ...t, ReservoirQuotaTTL: ttl };
      });
      return converted;
    },
  };
}
