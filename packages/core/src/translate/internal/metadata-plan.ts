// `metadata` as a plan: the prebuilt resource members, then the members assigned in order, then the
// other namespaces. It becomes either the object (exactly as assigning the members would build it)
// or its JSON text directly, without the intermediate object.
import type { KeyRoute } from './attribute-route.ts';
import { rawValue } from './attribute-values.ts';
import type { MemberKey } from './member-key.ts';
import { MembersWriter } from './members-writer.ts';
import type { ResourceInfo } from './resource-info.ts';

/** How `metadata` is built. */
export interface MetadataPlan {
  /** Resource whose prebuilt `defaults` start `metadata.default`, or undefined. */
  resource: ResourceInfo | undefined;
  /**
   * The span's metadata members as routed (attribute-route.ts): `route.metadata` indexes `source`, the
   * span's values (an empty value is skipped); or undefined when they were assigned to `keys` instead.
   */
  route: KeyRoute | undefined;
  /** The span's attribute keys and values (same order) when `route` is set. */
  sourceKeys: readonly string[];
  source: readonly unknown[];
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
  const { resource, keys, values, route } = plan;
  const defaults: Record<string, unknown> = resource !== undefined ? { ...resource.defaults } : {};
  let count = keys.length;
  if (route !== undefined) {
    const { sourceKeys, source } = plan;
    for (const k of route.metadata) {
      const raw = rawValue(source[k]);
      if (raw === undefined) continue;
      defaults[sourceKeys[k] as string] = raw;
      count++;
    }
  }
  if (resource === undefined && count === 0) return plan.namespaces;
  for (let i = 0; i < keys.length; i++) defaults[keys[i] as string] = values[i];
  const metadata = plan.namespaces ?? {};
  metadata.default = defaults;
  return metadata;
}

const METADATA_OPEN = ',"metadata":{"default":{';
const writer = new MembersWriter();

/** `,"metadata":` and `JSON.stringify(metadataObject(plan))`, or undefined when there is no metadata. */
export function metadataJson(plan: MetadataPlan): string | undefined {
  if (!plan.plain) {
    const metadata = metadataObject(plan);
    return metadata === undefined ? undefined : `,"metadata":${JSON.stringify(metadata)}`;
  }
  const { resource, route, members, values } = plan;
  if (resource !== undefined) writer.start(resource.metadataJson, false);
  else writer.start(METADATA_OPEN, true);
  if (route !== undefined) {
    const { metadata, metadataMembers, lastPlain } = route;
    const source = plan.source;
    for (let i = 0; i < metadata.length; i++) {
      const member = metadataMembers[i] as MemberKey;
      const value = source[metadata[i] as number];
      // Values often repeat from span to span: a repeated string is not checked again.
      if (typeof value === 'string' && value === lastPlain[i]) writer.addPlain(member, value);
      else if (writer.add(member, rawValue(value))) lastPlain[i] = value;
    }
  }
  for (let i = 0; i < members.length; i++) writer.add(members[i] as MemberKey, values[i]);
  if (resource === undefined && writer.isEmpty()) {
    writer.end('');
    return undefined;
  }
  return writer.end('}}');
}
