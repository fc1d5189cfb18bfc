// A key as the JSON text that starts an object member, in the four forms a writer needs to merge the
// quotes around string values into the constant text (fewer, longer pieces to join).
import { jsonString } from './json-text.ts';

/** The prefixes of one member key. */
export interface MemberKey {
  /** `,"<key>":` */
  plain: string;
  /** `,"<key>":"` (a plain string value follows). */
  open: string;
  /** `","<key>":` (closes the previous string value). */
  close: string;
  /** `","<key>":"` (closes the previous string value; a plain string value follows). */
  closeOpen: string;
}

/** The prefixes of `key`. */
export function memberKey(key: string): MemberKey {
  const plain = `,${jsonString(key)}:`;
  return { plain, open: `${plain}"`, close: `"${plain}`, closeOpen: `"${plain}"` };
}
