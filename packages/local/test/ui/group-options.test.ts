import { describe, expect, it } from 'vitest';
import { groupOptions } from '../../src/ui/lib/group-options.ts';

const groups = [
  { GroupName: 'Default', GroupARN: 'arn:aws:xray:us-east-1:000000000000:group/Default' },
  { GroupName: 'workers', FilterExpression: 'service("shipping-worker")' },
  { GroupName: 'checkout', FilterExpression: 'fault' },
  { FilterExpression: 'nameless' },
];

describe('group options', () => {
  describe('groupOptions', () => {
    it('offers all traces first, then the named groups by name with their filters', () => {
      expect(groupOptions(groups, undefined)).toEqual([
        { value: '', label: 'All traces (Default)', title: 'No group filter' },
        { value: 'checkout', label: 'checkout', title: 'fault' },
        { value: 'workers', label: 'workers', title: 'service("shipping-worker")' },
      ]);
    });

    it('keeps a group the URL names that the server lacks, marked', () => {
      const options = groupOptions(groups, 'gone');
      expect(options.at(-1)).toEqual({ value: 'gone', label: 'gone (no such group)', title: '' });
      expect(groupOptions(groups, 'workers')).toHaveLength(3);
      expect(groupOptions([], undefined)).toHaveLength(1);
    });
  });
});
