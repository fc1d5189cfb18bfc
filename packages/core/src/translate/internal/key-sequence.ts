// The facts of a whole attribute key sequence, reused while spans repeat it: spans of one
// instrumentation set the same keys in the same order, so comparing the keys (internalized strings,
// compared by pointer) is cheaper than a cache lookup per key. One sequence is kept per first key.
import type { KeyInfo } from './key-info.ts';
import { keyInfo } from './key-info.ts';

const MAX_SEQUENCES = 256;
const MAX_KEYS = 128;
interface Sequence {
  keys: readonly string[];
  /** Read-only: shared by every span with these keys. */
  infos: readonly KeyInfo[];
}
const sequences = new Map<string, Sequence>();

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `keys.map(keyInfo)`, shared between calls with the same keys (do not modify it). */
export function keyInfos(keys: readonly string[]): readonly KeyInfo[] {
  if (keys.length === 0) return [];
  const first = keys[0] as string;
  const known = sequences.get(first);
  if (known !== undefined && sameKeys(known.keys, keys)) return known.infos;
  const infos = keys.map(keyInfo);
  // A new sequence for a known first key replaces the old one (bounded either way).
  if (keys.length <= MAX_KEYS && (known !== undefined || sequences.size < MAX_SEQUENCES))
    sequences.set(first, { keys: keys.slice(), infos });
  return infos;
}
