// Hand-written tokenizer for filter expressions (spec/xray-protocol.md §6.1). Linear in the input.
import { fail } from './filter-error.ts';
import { scanJsonArray, scanString } from './scan-string.ts';
import type { Token } from './token.ts';

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*/y;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD_CHAR = /[A-Za-z0-9_]/;
const PUNCT = '(){},:';

/** Splits `src` into tokens ending with `eof`; throws FilterSyntaxError on a lexical error. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < src.length && isSpace(src.charCodeAt(i))) i++;
    if (i >= src.length) {
      out.push({ kind: 'eof', pos: src.length });
      return out;
    }
    const c = src[i] ?? '';
    const next = src[i + 1] ?? '';
    if (c === '"') {
      const s = scanString(src, i);
      out.push({ kind: 'string', value: s.value, pos: i });
      i = s.end;
    } else if (isDigit(c) || ((c === '-' || c === '.') && startsNumber(src, i))) {
      i = readNumber(src, i, out);
    } else if (/[A-Za-z_]/.test(c)) {
      i = readWord(src, i, out);
    } else if (c === '!' || c === '<' || c === '>') {
      if (next === '=') {
        out.push({ kind: 'op', op: c === '!' ? '!=' : c === '<' ? '<=' : '>=', pos: i });
        i += 2;
      } else {
        out.push(c === '!' ? { kind: 'punct', char: '!', pos: i } : { kind: 'op', op: c, pos: i });
        i++;
      }
    } else if (c === '=') {
      out.push({ kind: 'op', op: '=', pos: i });
      i++;
    } else if (PUNCT.includes(c)) {
      out.push({ kind: 'punct', char: c as '(' | ')' | '{' | '}' | ',' | ':', pos: i });
      i++;
    } else if (c === '#') {
      let j = i + 1;
      while (j < src.length && isSpace(src.charCodeAt(j))) j++;
      if (src[j] !== '[') fail("expected a JSON array after '#'", j);
      const json = scanJsonArray(src, j);
      out.push({ kind: 'json', value: json.value, pos: i });
      i = json.end;
    } else {
      fail(unexpectedCharacter(c), i);
    }
  }
}

function readNumber(src: string, i: number, out: Token[]): number {
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(src);
  const text = m?.[0] ?? '';
  const end = i + text.length;
  if (end < src.length && WORD_CHAR.test(src[end] ?? '')) {
    fail(`invalid number '${text}${src[end] ?? ''}'`, i);
  }
  out.push({ kind: 'number', value: Number(text), text, pos: i });
  return end;
}

function readWord(src: string, i: number, out: Token[]): number {
  WORD.lastIndex = i;
  const text = WORD.exec(src)?.[0] ?? '';
  const lower = text.toLowerCase();
  const end = i + text.length;
  if (lower === 'annotation') {
    if (src[end] === '[') return readBracketKey(src, i, end, out);
    if (src[end] === '.') fail("expected an annotation key after 'annotation.'", end + 1);
  } else if (lower.startsWith('annotation.')) {
    out.push({ kind: 'annotation', key: text.slice('annotation.'.length), pos: i });
    return end;
  }
  if (src[end] === '.') fail(`unexpected '.' after ${text}`, end);
  out.push({ kind: 'word', text, lower, pos: i });
  return end;
}

/** `annotation[KEY]` or `annotation["KEY"]`: for keys that contain dots or other characters. */
function readBracketKey(src: string, start: number, open: number, out: Token[]): number {
  let j = open + 1;
  while (j < src.length && isSpace(src.charCodeAt(j))) j++;
  let key: string;
  if (src[j] === '"') {
    const s = scanString(src, j);
    key = s.value;
    j = s.end;
    while (j < src.length && isSpace(src.charCodeAt(j))) j++;
    if (src[j] !== ']') fail("expected ']' after the annotation key", j);
  } else {
    const close = src.indexOf(']', j);
    if (close < 0) fail("expected ']' to close 'annotation['", open);
    key = src.slice(j, close).trim();
    if (/["[]/.test(key)) fail("unexpected character in 'annotation[...]' key", j);
    j = close;
  }
  if (key === '') fail("expected an annotation key inside 'annotation[...]'", open + 1);
  out.push({ kind: 'annotation', key, pos: start });
  return j + 1;
}

function startsNumber(src: string, i: number): boolean {
  const a = src[i + 1] ?? '';
  return isDigit(a) || (src[i] === '-' && a === '.' && isDigit(src[i + 2] ?? ''));
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0xfeff;
}

function unexpectedCharacter(c: string): string {
  if (c === "'") return 'strings must be double-quoted: unexpected "\'"';
  if (c === '&') return "unexpected '&' (use AND)";
  if (c === '|') return "unexpected '|' (use OR)";
  return `unexpected character '${c}'`;
}
