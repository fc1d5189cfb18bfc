// Query parameters whose values are secrets (signed URLs); the OTel http instrumentation's list.
const SENSITIVE = [
  'sig',
  'Signature',
  'AWSAccessKeyId',
  'X-Goog-Signature',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
];

/**
 * The query (without `?`) with the values of signing parameters replaced by `REDACTED`. A query
 * that names none of them is returned as it is, without parsing (the common case costs a few
 * `includes`); one that does is re-serialized by `URLSearchParams`, as the OTel instrumentation does.
 */
export function redactQuery(query: string): string {
  let sensitive = false;
  for (const name of SENSITIVE) {
    if (query.includes(name)) {
      sensitive = true;
      break;
    }
  }
  if (!sensitive) return query;
  const params = new URLSearchParams(query);
  for (const name of SENSITIVE) if (params.has(name)) params.set(name, 'REDACTED');
  return params.toString();
}
