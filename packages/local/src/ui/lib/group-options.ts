// The group picker's options from GetGroups: every group but `Default` (which has no filter and is
// the "all traces" choice), by name, each titled with its filter; a group the URL names that the
// server does not have stays selectable, marked, so a shared link reads as what it asks for.
import type { Group } from './wire-types.ts';

/** One option of the picker; `value` `''` is the Default group (no group in the URL). */
export interface GroupOption {
  value: string;
  label: string;
  /** The group's filter expression, shown on hover. */
  title: string;
}

/** Options for `groups`, with `chosen` (the URL's group) present even if unknown. */
export function groupOptions(groups: readonly Group[], chosen: string | undefined): GroupOption[] {
  const named = groups
    .filter((g): g is Group & { GroupName: string } => g.GroupName !== undefined)
    .filter((g) => g.GroupName !== 'Default')
    .sort((a, b) => a.GroupName.localeCompare(b.GroupName));
  const options: GroupOption[] = [
    { value: '', label: 'All traces (Default)', title: 'No group filter' },
    ...named.map((g) => ({
      value: g.GroupName,
      label: g.GroupName,
      title: g.FilterExpression ?? '',
    })),
  ];
  if (chosen !== undefined && chosen !== '' && !options.some((o) => o.value === chosen)) {
    options.push({ value: chosen, label: `${chosen} (no such group)`, title: '' });
  }
  return options;
}
