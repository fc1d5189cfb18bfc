// What the service segment of a split local-root span keeps (spec/translation.md §1.2).

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
