// V8 stack traces (`telemetry.sdk.language` nodejs / javascript / webjs): `error.stack` of Node and
// Chromium. Frame grammar (V8's SerializeCallSiteInfo): `<indent>at LABEL (LOCATION)` or `<indent>at
// LOCATION`; LOCATION is `file:line:col`, `<anonymous>`, `native`, `index N` (Promise.all and
// siblings) or `eval at NAME (ORIGIN), <anonymous>:line:col`. One pass over the text, no regular
// expressions: only each frame's label and path are sliced out.
import type { StackFrame } from '../../segment-document.ts';

const SPACE = 32;
const TAB = 9;
const CR = 13;
const OPEN = 40; // (
const CLOSE = 41; // )
const COLON = 58;
const SLASH = 47;

/** Frames of a V8 stack; lines that are not frames (the message, `... N lines matching …`) are skipped. */
export function parseJavaScriptStack(stacktrace: string): StackFrame[] {
  const frames: StackFrame[] = [];
  const n = stacktrace.length;
  let start = 0;
  while (start < n) {
    let end = stacktrace.indexOf('\n', start);
    if (end < 0) end = n;
    const frame = parseFrame(stacktrace, start, end);
    if (frame !== undefined) frames.push(frame);
    start = end + 1;
  }
  return frames;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The frame on `text[start, end)`, or undefined when the line is not `<indent>at …`. */
function parseFrame(text: string, start: number, end: number): StackFrame | undefined {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  // V8 indents frames with spaces (4; util.inspect more for a cause); a header never starts so.
  if (i === start || !text.startsWith('at ', i)) return undefined;
  i += 3;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  // util.inspect writes ` {` after the last frame when the error has own properties or a cause.
  if (end - 2 > i && text.charCodeAt(end - 1) === 123 /* { */ && text.charCodeAt(end - 2) === SPACE)
    end -= 2;
  if (end <= i) return undefined;
  let open = -1;
  if (text.charCodeAt(end - 1) === CLOSE) {
    open = matchingOpen(text, i, end - 1);
    // Unbalanced parentheses in a path: V8 puts the location after the label's first ` (`.
    if (open < 0) open = text.indexOf(' (', i) + 1;
  }
  if (open > i && text.charCodeAt(open - 1) === SPACE) {
    let labelEnd = open - 1;
    while (labelEnd > i && isBlank(text.charCodeAt(labelEnd - 1))) labelEnd--;
    if (text.startsWith('index ', open + 1) && allDigits(text, open + 7, end - 1)) {
      // `async Promise.all (index 1)`: no source position; the index stays in the label.
      return { path: '', line: 0, label: text.slice(i, end) };
    }
    return locate(text, open + 1, end - 1, text.slice(i, labelEnd), true);
  }
  // `at async file:///app/x.mjs:3:7`: an anonymous async function.
  if (text.startsWith('async ', i)) return locate(text, i + 6, end, 'async', false);
  return locate(text, i, end, '', false);
}

/** Index of the `(` that the `)` at `close` closes, searching back to `from`; -1 if unbalanced. */
function matchingOpen(text: string, from: number, close: number): number {
  let depth = 0;
  for (let j = close; j >= from; j--) {
    const c = text.charCodeAt(j);
    if (c === CLOSE) depth++;
    else if (c === OPEN && --depth === 0) return j;
  }
  return -1;
}

/** Index of the first `)` in `text[from, end)` that closes no `(` of that range; -1 if none. */
function firstUnopenedClose(text: string, from: number, end: number): number {
  let depth = 0;
  for (let j = from; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === OPEN) depth++;
    else if (c === CLOSE && depth-- === 0) return j;
  }
  return -1;
}

function allDigits(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let j = from; j < to; j++) if (!isDigit(text.charCodeAt(j))) return false;
  return true;
}

/** Start of a `:digits` suffix ending at `end` (the colon's index), or -1. */
function numberSuffix(text: string, from: number, end: number): number {
  let j = end;
  while (j > from && isDigit(text.charCodeAt(j - 1))) j--;
  return j < end && j > from && text.charCodeAt(j - 1) === COLON ? j - 1 : -1;
}

/**
 * Frame for the location `text[from, to)`. An eval location is replaced by the place of the outermost
 * `eval(…)` / `new Function(…)` call, the only one a reader can open. A location without a label
 * must look like one V8 writes (`path:line:col`, `<anonymous>`, `native`, a URL), so that a message
 * line that happens to start with "at " is not taken for a frame.
 */
function locate(
  text: string,
  from: number,
  to: number,
  label: string,
  labelled: boolean,
): StackFrame | undefined {
  if (text.startsWith('eval at ', from)) {
    // `eval at f (eval at g (file:1:2)), <anonymous>:3:4`: skip every `eval at NAME (` prefix, then
    // the innermost location ends at the first `)` it does not open itself (one linear scan).
    let inner = from;
    while (inner >= 0 && text.startsWith('eval at ', inner)) {
      const open = text.indexOf(' (', inner + 8);
      inner = open < 0 || open >= to ? -1 : open + 2;
    }
    const close = inner < 0 ? -1 : firstUnopenedClose(text, inner, to);
    if (close >= 0) {
      from = inner;
      to = close;
    }
  }
  const colon2 = numberSuffix(text, from, to);
  const colon1 = colon2 < 0 ? -1 : numberSuffix(text, from, colon2);
  if (colon1 >= 0) {
    return {
      path: toPath(text.slice(from, colon1)),
      line: toLine(text, colon1 + 1, colon2),
      label,
    };
  }
  const path = text.slice(from, to);
  if (!labelled && path !== '<anonymous>' && path !== 'native' && !path.includes('://'))
    return undefined;
  if (path === '' && label === '') return undefined;
  return { path: toPath(path), line: 0, label };
}

function toLine(text: string, from: number, to: number): number {
  let value = 0;
  for (let j = from; j < to; j++) value = value * 10 + text.charCodeAt(j) - 48;
  return Number.isSafeInteger(value) ? value : 0;
}

/**
 * A `file:` URL as the file path Node's `fileURLToPath` gives on the system that wrote it: ESM
 * frames then read like CommonJS frames (`/app/src/stock.ts`, `C:\app\x.js`, `\\host\share\x.js`),
 * percent-escapes decoded, `?query` / `#hash` dropped. Other locations (`node:fs`, `https://…`,
 * `C:\…`, `<anonymous>`) are kept as they are.
 */
function toPath(location: string): string {
  if (!location.startsWith('file://')) return location;
  let end = 7;
  while (end < location.length) {
    const c = location.charCodeAt(end);
    if (c === 63 /* ? */ || c === 35 /* # */) break;
    end++;
  }
  const slash = location.indexOf('/', 7);
  if (slash < 0 || slash >= end) return location;
  const host = location.slice(7, slash);
  let path: string;
  if (host === '' || host === 'localhost') {
    path = location.slice(slash, end);
    if (isDrive(path, 1)) path = path.slice(1).replaceAll('/', '\\');
  } else if (host.length === 2 && isDrive(host, 0)) {
    path = (host + location.slice(slash, end)).replaceAll('/', '\\');
  } else {
    path = `\\\\${host}${location.slice(slash, end).replaceAll('/', '\\')}`;
  }
  return path.includes('%') ? decode(path) : path;
}

/** `X:` followed by `/`, `\` or the end, at `at`. */
function isDrive(path: string, at: number): boolean {
  const letter = path.charCodeAt(at) | 32;
  if (letter < 97 || letter > 122 || path.charCodeAt(at + 1) !== COLON) return false;
  const next = path.charCodeAt(at + 2);
  return Number.isNaN(next) || next === SLASH || next === 92; /* \ */
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a stray `%` that is no escape: keep the text as V8 wrote it
  }
}
