// `metadata` as a plan: the prebuilt resource members, then the members assigned in order, then the
// other namespaces. It becomes either the object (exactly as assigning the members would build it)
// or its JSON text directly, without the intermediate object.
import { isPlainJsonText, jsonValue } from './json-text.ts';
import type { MemberKey } from './member-key.ts';
import type { ResourceInfo } from './resource-info.ts';

/** How `metadata` is built. */
export interface MetadataPlan {
  /** Resource whose prebuilt `defaults` start `metadata.default`, or undefined. */
  resource: ResourceInfo | undefined;
  /** Members of `metadata.default` assigned after the resource ones, in order (may repeat a key). */
  keys: string[];
  /** Each key as the start of a JSON member, or undefined when not known (then the plan is not plain). */
  members: Array<MemberKey | undefined>;
  /** Their values (JSON-safe). */
  values: unknown[];
  /** Namespaces other than `default` (created before `default`), or undefined. */
  namespaces: Record<string, Record<string, unknown>> | undefined;
  /**
   * The members can be written in order as they are: no key repeats (or repeats a resource key), none
   * is an array index (objects list those first) or `__proto__`, and there are no other namespaces.
   */
  plain: boolean;
}

/** True when an object built by assignment could order or drop `key` unlike a plain append. */
export function isSpecialKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return (first >= 48 && first <= 57) || key === '__proto__';
}

/** The `metadata` object of a plan (undefined when it has no member). */
export function metadataObject(
  plan: MetadataPlan,
): Record<string, Record<string, unknown>> | undefined {
  const { resource, keys, values } = plan;
  const hasDefaults = resource !== undefined || keys.length > 0;
  if (!hasDefaults) return plan.namespaces;
  const defaults: Record<string, unknown> = resource !== undefined ? { ...resource.defaults } : {};
  for (let i = 0; i < keys.length; i++) defaults[keys[i] as string] = values[i];
  const metadata = plan.namespaces ?? {};
  metadata.default = defaults;
  return metadata;
}

/** `JSON.stringify(metadataObject(plan))`, or undefined when there is no metadata. */
export function metadataJson(plan: MetadataPlan): string | undefined {
  if (!plan.plain) {
    const metadata = metadataObject(plan);
    return metadata === undefined ? undefined : JSON.stringify(metadata);
  }
  const { resource, members, values } = plan;
  const n = members.length;
  if (resource === undefined && n === 0) return undefined;
  // `quoted`: the last value was a plain string, written bare; the next piece closes it.
  let out: string;
  let quoted = false;
  let i = 0;
  if (resource !== undefined) {
    out = resource.metadataJson;
  } else {
    const member = members[0] as MemberKey;
    const value = values[0];
    quoted = typeof value === 'string' && isPlainJsonText(value);
    out = quoted
      ? METADATA_OPEN + member.firstOpen + (value as string)
      : METADATA_OPEN + member.first + jsonValue(value);
    i = 1;
  }
  for (; i < n; i++) {
    const member = members[i] as MemberKey;
    const value = values[i];
    if (typeof value === 'string') {
      if (isPlainJsonText(value)) {
        out += (quoted ? member.closeOpen : member.open) + value;
        quoted = true;
        continue;
      }
      out += (quoted ? member.close : member.plain) + JSON.stringify(value);
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      out += (quoted ? member.close : member.plain) + String(value);
    } else {
      out += (quoted ? member.close : member.plain) + jsonValue(value);
    }
    quoted = false;
  }
  return quoted ? `${out}"}}` : `${out}}}`;
}

const METADATA_OPEN = '{"default":{';
