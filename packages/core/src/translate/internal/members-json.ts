// JSON text of object members read by name, in a given order, with few rope pieces (member-key.ts).
import { isPlainJsonText, jsonValue } from './json-text.ts';
import type { MemberKey } from './member-key.ts';

/**
 * `open`, then `"<name>":<value>` for each name whose value is defined (in order, comma-separated;
 * `first` when `open` ends where the first member starts, without a comma), then `close`.
 */
export function membersJson(
  open: string,
  first: boolean,
  keys: readonly MemberKey[],
  source: Readonly<Record<string, unknown>>,
  names: readonly string[],
  close: string,
): string {
  let out = open;
  // The last value was a plain string, written bare: the next piece closes it.
  let quoted = false;
  for (let i = 0; i < names.length; i++) {
    const value = source[names[i] as string];
    if (value === undefined) continue;
    const key = keys[i] as MemberKey;
    if (typeof value === 'string' && isPlainJsonText(value)) {
      out += (first ? key.firstOpen : quoted ? key.closeOpen : key.open) + value;
      quoted = true;
    } else {
      out += (first ? key.first : quoted ? key.close : key.plain) + jsonValue(value);
      quoted = false;
    }
    first = false;
  }
  return quoted ? `${out}"${close}` : out + close;
}
