// The host part of a URL, as Go's url.Parse(...).Hostname() gives it (no regexes, no URL object).

function isSchemeChar(c: number, first: boolean): boolean {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (first) return letter;
  return letter || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** Host of `scheme://[user@]host[:port]/…` or `//host…`; `""` for opaque or relative references. */
export function urlHostname(url: string): string {
  let i = 0;
  while (i < url.length && isSchemeChar(url.charCodeAt(i), i === 0)) i++;
  let rest = i > 0 && url.charCodeAt(i) === 58 /* : */ ? url.slice(i + 1) : url;
  if (!rest.startsWith('//')) return '';
  rest = rest.slice(2);
  let end = rest.length;
  for (const stop of ['/', '?', '#']) {
    const at = rest.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  let authority = rest.slice(0, end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    return close > 0 ? authority.slice(1, close) : '';
  }
  const colon = authority.lastIndexOf(':');
  return colon >= 0 ? authority.slice(0, colon) : authority;
}
