// How expected values appear in failure messages (pure).

/** JSON for plain values, `/re/` for RegExps, vitest's own text for asymmetric matchers. */
export function showValue(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (value !== null && typeof value === 'object') {
    const m = value as {
      asymmetricMatch?: unknown;
      toAsymmetricMatcher?: () => string;
      toString: () => string;
    };
    if (typeof m.asymmetricMatch === 'function') {
      return typeof m.toAsymmetricMatcher === 'function' ? m.toAsymmetricMatcher() : m.toString();
    }
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${showValue(v)}`)
      .join(', ')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
