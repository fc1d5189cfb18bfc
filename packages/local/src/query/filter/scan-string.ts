// Double-quoted strings with backslash escapes, and the `#[...]` JSON literal of rootcause.json.
import { fail } from './filter-error.ts';
import { MAX_NESTING_DEPTH } from './limits.ts';

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Reads the string whose opening quote is at `start`. Known escapes are decoded (`\" \\ \/ \b \f
 * \n \r \t \uXXXX`); any other escaped character stands for itself.
 */
export function scanString(src: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  let chunk = i;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 34 /* " */) return { value: value + src.slice(chunk, i), end: i + 1 };
    if (c === 92 /* \ */) {
      value += src.slice(chunk, i);
      const e = src[i + 1];
      if (e === undefined) break;
      if (e === 'u') {
        const hex = src.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape in string', i);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        value += ESCAPES[e] ?? e;
        i += 2;
      }
      chunk = i;
      continue;
    }
    i++;
  }
  return fail('unterminated string', start);
}

/** Reads the JSON array starting at `start` (a `[`), returning the parsed value and its end. */
export function scanJsonArray(src: string, start: number): { value: unknown; end: number } {
  let depth = 0;
  let i = start;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      i = skipJsonString(src, i);
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_NESTING_DEPTH) fail('JSON value nested too deeply', i);
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        const text = src.slice(start, i + 1);
        try {
          return { value: JSON.parse(text) as unknown, end: i + 1 };
        } catch (err) {
          return fail(`invalid JSON after '#' (${(err as Error).message})`, start);
        }
      }
    }
    i++;
  }
  return fail('unterminated JSON array', start);
}

function skipJsonString(src: string, start: number): number {
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return fail('unterminated string in JSON', start);
}
