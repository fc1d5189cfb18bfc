// JSON text of scalars, byte-identical to JSON.stringify, with a fast path for strings that need no
// escaping (no `"`, `\`, control characters or surrogates — JSON.stringify escapes lone surrogates).

/** True when `text` can be written between quotes as is. */
export function isPlainJsonText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** `JSON.stringify(text)`. */
export function jsonString(text: string): string {
  return isPlainJsonText(text) ? `"${text}"` : JSON.stringify(text);
}

/** `JSON.stringify(value)` for a JSON-safe value (scalars inline, objects and arrays delegated). */
export function jsonValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return isPlainJsonText(value) ? `"${value}"` : JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return JSON.stringify(value) ?? 'null';
  }
}

/** A sequential (non-rope) copy of `text`: joining it adds one piece, not its parts (member-key.ts). */
export function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
