import { describe, expect, it } from 'vitest';
import { withGroup } from '../../src/ui/lib/group-filter.ts';

describe('group filter', () => {
  describe('withGroup', () => {
    it('sends the filter alone without a group', () => {
      expect(withGroup(' fault ', undefined)).toEqual({ expression: 'fault', offset: 0 });
    });
    it('sends the group clause alone without a filter', () => {
      expect(withGroup('', 'checkout')).toEqual({
        expression: 'group.name = "checkout"',
        offset: 0,
      });
    });
    it('puts the user’s expression first, shifted by its parenthesis', () => {
      expect(withGroup('a OR b', 'say "hi"')).toEqual({
        expression: '(a OR b) AND group.name = "say \\"hi\\""',
        offset: 1,
      });
    });
  });
});
