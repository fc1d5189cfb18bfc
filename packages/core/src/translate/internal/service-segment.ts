// What the service segment of a split local-root span keeps (spec/translation.md §1.2).
import type { AwsBlock } from '../../segment-document.ts';

const CALL_FIELDS = [
  'operation',
  'account_id',
  'region',
  'request_id',
  'queue_url',
  'table_name',
  'table_names',
  // Our extensions are call details too.
  'queue_name',
  'topic_arn',
];

/** The `aws` block without the fields that describe the call (the rest, e.g. `xray`, stays). */
export function withoutCallFields(aws: AwsBlock): AwsBlock {
  for (const field of CALL_FIELDS) delete aws[field];
  return aws;
}

/** Metadata with only `otel.resource.*` keys, in every namespace; empty namespaces are dropped. */
export function resourceMetadataOnly(
  metadata: Record<string, Record<string, unknown>> | undefined,
): Record<string, Record<string, unknown>> | undefined {
  if (metadata === undefined) return undefined;
  let out: Record<string, Record<string, unknown>> | undefined;
  for (const namespace of Object.keys(metadata)) {
    const entries = metadata[namespace] ?? {};
    for (const key of Object.keys(entries)) {
      if (!key.startsWith('otel.resource.')) continue;
      ((out ??= {})[namespace] ??= {})[key] = entries[key];
    }
  }
  return out;
}
