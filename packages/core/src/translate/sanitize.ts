// Character rules for segment names and annotation keys (spec/translation.md §2 rule 11, §8).

const MAX_NAME_BYTES = 200;
const MAX_ANNOTATION_KEY_LENGTH = 500;
const LETTER = /^\p{L}$/u;

// ASCII characters a segment name may keep: space, digits, letters, `_ . : / % & # = + - @`.
const NAME_ASCII = new Uint8Array(128);
for (const c of ' _.:/%&#=+-@') NAME_ASCII[c.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) NAME_ASCII[c] = 1;
for (let c = 65; c <= 90; c++) NAME_ASCII[c] = NAME_ASCII[c + 32] = 1;

function isNameCodePoint(cp: number): boolean {
  return cp < 128 ? NAME_ASCII[cp] === 1 : LETTER.test(String.fromCodePoint(cp));
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Makes a segment name X-Ray accepts, as the collector does for its span-name fallback: removes every
 * character that is not a space, an ASCII digit, a Unicode letter or one of `_ . : / % & # = + - @`,
 * cuts to at most 200 UTF-8 bytes (at a character boundary), and returns `span` when nothing is left.
 * @example sanitizeSegmentName('<subDomain>.example.com,1413') // 'subDomain.example.com1413'
 */
export function sanitizeSegmentName(name: string): string {
  let bytes = 0;
  let clean = true;
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    if (unit < 128) {
      if (NAME_ASCII[unit] !== 1) {
        clean = false;
        break;
      }
      bytes++;
    } else {
      const cp = name.codePointAt(i) ?? unit;
      if (cp > 0xffff) i++;
      if (!isNameCodePoint(cp)) {
        clean = false;
        break;
      }
      bytes += utf8Length(cp);
    }
    if (bytes > MAX_NAME_BYTES) {
      clean = false;
      break;
    }
  }
  if (clean) return name.length === 0 ? 'span' : name;
  let out = '';
  bytes = 0;
  for (let i = 0; i < name.length; i++) {
    const cp = name.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isNameCodePoint(cp)) {
      const size = utf8Length(cp);
      if (bytes + size > MAX_NAME_BYTES) break;
      bytes += size;
      out += width === 2 ? name.slice(i, i + 2) : name[i];
    }
    i += width - 1;
  }
  return out.length === 0 ? 'span' : out;
}

/**
 * Makes an annotation key X-Ray indexes: every character other than ASCII letters, digits and `.`
 * becomes `_` (one per Unicode character, as the collector with `exporter.xray.allowDot` on),
 * cut to 500 characters. Returns `""` for an empty key (callers skip it). With `allowDot` false
 * (the collector's gate turned off) `.` becomes `_` too.
 * @example sanitizeAnnotationKey('attr1@1') // 'attr1_1'
 */
export function sanitizeAnnotationKey(key: string, allowDot = true): string {
  const isKeyChar = allowDot ? isKeyCharOrDot : isAsciiAlnum;
  let clean = key.length <= MAX_ANNOTATION_KEY_LENGTH;
  for (let i = 0; clean && i < key.length; i++) clean = isKeyChar(key.charCodeAt(i));
  if (clean) return key;
  let out = '';
  for (let i = 0; i < key.length && out.length < MAX_ANNOTATION_KEY_LENGTH; i++) {
    const unit = key.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < key.length) {
      const next = key.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    out += isKeyChar(unit) ? key[i] : '_';
  }
  return out;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isKeyCharOrDot(c: number): boolean {
  return isAsciiAlnum(c) || c === 46; /* . */
}
