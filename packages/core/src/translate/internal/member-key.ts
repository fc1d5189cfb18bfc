// A key as the JSON text that starts an object member, in the forms a writer needs to merge the quotes
// around plain string values into the constant text: V8 joins `a + b` lazily (a rope node each) and pays
// per node when the text is flattened, so two pieces per member (lead, bare value) beat four.
import { flat, jsonString } from './json-text.ts';

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
  /** `"<key>":` (first member of an object). */
  first: string;
  /** `"<key>":"` (first member; a plain string value follows). */
  firstOpen: string;
}

/** The prefixes of `key`. */
export function memberKey(key: string): MemberKey {
  const json = jsonString(key);
  return {
    plain: flat(`,${json}:`),
    open: flat(`,${json}:"`),
    close: flat(`",${json}:`),
    closeOpen: flat(`",${json}:"`),
    first: flat(`${json}:`),
    firstOpen: flat(`${json}:"`),
  };
}
