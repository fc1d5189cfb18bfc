// Content-Type handling for the cross-site write check. A browser sends a cross-origin POST
// without asking first (no CORS preflight) only when its Content-Type essence is one of three
// (Fetch standard, "CORS-safelisted request-header"); every other type needs a preflight, which
// this server never grants. So those three are the only types a foreign page can write with.

/** The media types a browser may send cross-origin without a preflight. */
export const BROWSER_SIMPLE_TYPES: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
];

/**
 * The essence (`type/subtype`, lower case) of a Content-Type value: parameters dropped, HTTP
 * whitespace trimmed. Undefined when the header is absent or empty. Deliberately lenient (no
 * token check): it must find the essence wherever a browser's stricter parser would.
 * @example mediaTypeEssence(' Text/Plain ; charset=UTF-8') // 'text/plain'
 */
export function mediaTypeEssence(
  value: string | readonly string[] | undefined,
): string | undefined {
  const text = typeof value === 'string' ? value : value?.[0];
  if (typeof text !== 'string') return undefined;
  const essence = text
    .split(';', 1)[0]!
    .replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')
    .toLowerCase();
  return essence === '' ? undefined : essence;
}

/** True when `essence` is one a browser sends cross-origin without a preflight. */
export function isBrowserSimpleType(essence: string | undefined): boolean {
  return essence !== undefined && BROWSER_SIMPLE_TYPES.includes(essence);
}
