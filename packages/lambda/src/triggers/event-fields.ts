// Reading untrusted event JSON: every accessor returns undefined for the wrong shape, never throws.

/** `value` as a plain object, or `undefined`. */
export function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty string field. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `Records` of an event when it is an array of objects. */
export function recordsOf(event: unknown): Record<string, unknown>[] | undefined {
  const records = objectOf(event)?.Records;
  return Array.isArray(records) ? records.map((r) => objectOf(r) ?? {}) : undefined;
}

/** A header by name in any case (API Gateway v1 and ALB keep the client's case). */
export function headerOf(headers: unknown, name: string): string | undefined {
  const all = objectOf(headers);
  if (all === undefined) return undefined;
  for (const key of Object.keys(all)) if (key.toLowerCase() === name) return textOf(all[key]);
  return undefined;
}

/** The last `:`-separated part of an ARN (queue or topic name). */
export function arnName(arn: unknown): string | undefined {
  const text = textOf(arn);
  return text?.slice(text.lastIndexOf(':') + 1) || undefined;
}
