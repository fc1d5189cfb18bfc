// JSON text of object members written one by one, with few rope pieces (member-key.ts). Callers read
// each value by its property name (a monomorphic load) instead of by a name from a list: a load by a
// computed name on objects of many shapes is megamorphic and cost more than writing the member.
import { isPlainJsonText, jsonValue } from './json-text.ts';
import type { MemberKey } from './member-key.ts';

/** Writes `open`, then `"<key>":<value>` for each defined value (comma-separated), then `close`. */
export class MembersWriter {
  private out = '';
  /** The last value was a plain string, written bare: the next piece closes it. */
  private quoted = false;
  /** No member yet and `open` ends where the first member starts (no comma). */
  private first = false;

  /** Starts with `open`; `first` when `open` ends where the first member starts. */
  start(open: string, first: boolean): void {
    this.out = open;
    this.quoted = false;
    this.first = first;
  }

  /** Adds a member unless `value` is undefined (as JSON.stringify skips it); true when plain text. */
  add(key: MemberKey, value: unknown): boolean {
    if (value === undefined) return false;
    if (typeof value === 'string' && isPlainJsonText(value)) {
      this.addPlain(key, value);
      return true;
    }
    this.out += (this.first ? key.first : this.quoted ? key.close : key.plain) + jsonValue(value);
    this.quoted = false;
    this.first = false;
    return false;
  }

  /** Adds a string member known to be plain JSON text (isPlainJsonText). */
  addPlain(key: MemberKey, value: string): void {
    this.out += this.plainLead(key) + value;
    this.quoted = true;
    this.first = false;
  }

  /** The text that starts a plain string member of `key` here (the value follows it). */
  plainLead(key: MemberKey): string {
    return this.first ? key.firstOpen : this.quoted ? key.closeOpen : key.open;
  }

  /** Nothing was added since a `start` with `first`. */
  isEmpty(): boolean {
    return this.first;
  }

  /** The text written, ended with `close`. */
  end(close: string): string {
    const out = this.quoted ? `${this.out}"${close}` : this.out + close;
    this.out = '';
    return out;
  }
}
