// X-Ray wildcard patterns (spec §8.1): `*` = zero or more characters, `?` = exactly one, all else
// literal; whole-string and case-insensitive. A pattern of exactly `*` matches even a missing value;
// any other pattern fails on a missing value (as the OTel JS sampler does).

/** A compiled pattern: `value` is the request property, `undefined` when missing. */
export type WildcardMatcher = (value: string | undefined) => boolean;

const ANY: WildcardMatcher = () => true;

function escapeLiteral(text: string): string {
  return text.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
}

/** Compiles `pattern` once so each match is a comparison or one precompiled RegExp test. */
export function compileWildcard(pattern: string): WildcardMatcher {
  if (pattern === '*') return ANY;
  const lower = pattern.toLowerCase();
  const star = lower.indexOf('*');
  const hasQuestion = lower.includes('?');
  if (star === -1 && !hasQuestion) {
    return (value) =>
      value !== undefined && value.length === lower.length && value.toLowerCase() === lower;
  }
  // `prefix*`: the common URL-path shape (`/api/*`) needs no RegExp.
  if (!hasQuestion && star === lower.length - 1) {
    const prefix = lower.slice(0, -1);
    return (value) => value !== undefined && value.toLowerCase().startsWith(prefix);
  }
  const source = lower
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeLiteral(c)))
    .join('');
  const re = new RegExp(`^${source}$`, 's');
  return (value) => value !== undefined && re.test(value.toLowerCase());
}
