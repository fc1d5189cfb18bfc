// What translation needs to know about an attribute key, computed once per distinct key (a bounded
// cache: keys are few in practice; past the bound they are computed each time).
import { ATTRIBUTE_CODES } from './attribute-codes.ts';
import { ATTRIBUTE_SLOTS } from './attribute-slots.ts';
import type { MemberKey } from './member-key.ts';
import { memberKey } from './member-key.ts';
import { isSpecialKey } from './metadata-plan.ts';

/** Facts about one attribute key. */
export interface KeyInfo {
  /** Attribute code (attribute-codes.ts), 0 for keys no block consumes. */
  code: number;
  /** Slot (attribute-slots.ts), or -1. */
  slot: number;
  /** The key as the start of a JSON member. */
  member: MemberKey;
  /** Starts with `aws.xray.metadata.`. */
  metadataNamespace: boolean;
  /** Starts with `otel.resource.` (could repeat a resource member). */
  resourceLike: boolean;
  /** An array index or `__proto__` (see isSpecialKey). */
  special: boolean;
}

const MAX_CACHED = 4096;
const MAX_CACHED_LENGTH = 256;
const cache = new Map<string, KeyInfo>();

function computeKeyInfo(key: string): KeyInfo {
  return {
    code: ATTRIBUTE_CODES.get(key) ?? 0,
    slot: ATTRIBUTE_SLOTS.get(key) ?? -1,
    member: memberKey(key),
    metadataNamespace: key.startsWith('aws.xray.metadata.'),
    resourceLike: key.startsWith('otel.resource.'),
    special: isSpecialKey(key),
  };
}

/** The facts of `key`. */
export function keyInfo(key: string): KeyInfo {
  let info = cache.get(key);
  if (info === undefined) {
    info = computeKeyInfo(key);
    if (cache.size < MAX_CACHED && key.length <= MAX_CACHED_LENGTH) cache.set(key, info);
  }
  return info;
}
