// The facts of a whole attribute key sequence (its "shape"), reused while spans repeat it: spans of one
// instrumentation set the same keys in the same order, so comparing the keys (internalized strings,
// compared by pointer) is cheaper than a lookup per key. A few shapes are kept per first key. Besides each
// key's facts, a shape knows where each slot's key sits and which keys a block consumes, so a span's
// scan only reads values; xray-attributes.ts caches its routing of the keys on it.
import { SLOT_COUNT } from './attribute-slots.ts';
import type { KeyInfo } from './key-info.ts';
import { keyInfo } from './key-info.ts';

/** Facts of one key sequence (read-only: shared by every span with these keys). */
export interface KeyShape {
  keys: readonly string[];
  infos: readonly KeyInfo[];
  /** Per slot (attribute-slots.ts): the index of its key, or -1 when absent. */
  slotIndex: Int32Array;
  /** Indices of the keys with an attribute code (attribute-codes.ts), in order. */
  coded: Int32Array;
  /** Some key starts with `aws.xray.metadata.` (its value decides where it goes). */
  hasMetadataNamespace: boolean;
  /** Where the keys went for spans of this shape (attribute-route.ts), reused when one applies. */
  routes: unknown[];
}

const MAX_FIRST_KEYS = 256;
/** Shapes kept per first key (instrumentations share first keys such as `rpc.system`). */
const MAX_PER_FIRST_KEY = 8;
const MAX_KEYS = 128;
const shapes = new Map<string, KeyShape[]>();

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function computeShape(keys: readonly string[]): KeyShape {
  const infos = keys.map(keyInfo);
  const slotIndex = new Int32Array(SLOT_COUNT).fill(-1);
  const coded: number[] = [];
  let hasMetadataNamespace = false;
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k] as KeyInfo;
    if (info.slot >= 0) slotIndex[info.slot] = k;
    if (info.code !== 0) coded.push(k);
    if (info.metadataNamespace) hasMetadataNamespace = true;
  }
  return {
    keys,
    infos,
    slotIndex,
    coded: Int32Array.from(coded),
    hasMetadataNamespace,
    routes: [],
  };
}

const EMPTY = computeShape([]);

/** The shape of `keys` (shared between calls with the same keys; do not modify it). */
export function keyShape(keys: readonly string[]): KeyShape {
  if (keys.length === 0) return EMPTY;
  const first = keys[0] as string;
  let known = shapes.get(first);
  if (known !== undefined)
    for (let i = 0; i < known.length; i++) {
      const shape = known[i] as KeyShape;
      if (sameKeys(shape.keys, keys)) return shape;
    }
  const shape = computeShape(keys.slice());
  if (keys.length > MAX_KEYS) return shape;
  if (known === undefined) {
    if (shapes.size >= MAX_FIRST_KEYS) return shape;
    known = [];
    shapes.set(first, known);
  }
  // Bounded: past the limit the oldest shape of this first key gives way.
  if (known.length >= MAX_PER_FIRST_KEY) known.shift();
  known.push(shape);
  return shape;
}
