// group.name / group.arn: resolved at compile time through FilterContext.resolveGroup.
import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  type FilterContext,
  type GroupDefinition,
} from '../../../src/query/filter/index.ts';
import { matchingIds } from './fixtures/load-traces.ts';

const ARN = 'arn:aws:xray:us-east-1:000000000000:group/slow/ABC';

function store(groups: Record<string, string | undefined>): FilterContext {
  return {
    resolveGroup: (ref): GroupDefinition | undefined => {
      const name = ref.by === 'arn' ? (ref.value === ARN ? 'slow' : undefined) : ref.value;
      if (name === undefined || !(name in groups)) return undefined;
      const filterExpression = groups[name];
      return { name, ...(filterExpression !== undefined && { filterExpression }) };
    },
  };
}

const GROUPS = store({
  slow: 'responsetime > 5',
  faulty: 'fault',
  'slow-or-faulty': 'group.name = "slow" OR group.name = "faulty"',
  everything: undefined,
  blank: '  ',
  broken: 'fault AND',
  self: 'ok AND group.name = "self"',
  ping: 'group.name = "pong"',
  pong: 'group.name = "ping"',
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [`chain${i}`, `group.name = "chain${i + 1}"`]),
  ),
  chain12: 'ok',
});

describe('compileFilter', () => {
  describe('group references', () => {
    it('inlines a group found by name', () => {
      const r = compileFilter('group.name = "slow"', GROUPS);
      expect(r.ok && matchingIds((t) => r.filter.matches(t))).toEqual(['slow-api']);
    });

    it('inlines a group found by ARN', () => {
      const r = compileFilter(`group.arn = "${ARN}" OR fault`, GROUPS);
      expect(r.ok && matchingIds((t) => r.filter.matches(t))).toEqual([
        'slow-api',
        'fault-api',
        'data-plane',
      ]);
    });

    it('follows groups that refer to other groups and lists them all', () => {
      const r = compileFilter('group.name = "slow-or-faulty" AND !partial', GROUPS);
      if (!r.ok) throw new Error(r.message);
      expect(matchingIds((t) => r.filter.matches(t))).toEqual(['slow-api', 'fault-api']);
      expect(r.filter.groups).toEqual(['slow-or-faulty', 'slow', 'faulty']);
    });

    it('treats a group without a filter, or with a blank one, as every trace', () => {
      for (const g of ['everything', 'blank']) {
        const r = compileFilter(`group.name = "${g}"`, GROUPS);
        expect(r.ok && matchingIds((t) => r.filter.matches(t))).toHaveLength(5);
      }
    });

    it('reports an unknown group at its position', () => {
      expect(compileFilter('ok AND group.name = "nope"', GROUPS)).toEqual({
        ok: false,
        message: 'unknown group: group.name = "nope" at position 7',
        position: 7,
      });
    });

    it('reports an unknown group when no resolver is given', () => {
      const r = compileFilter('group.name = "slow"');
      expect(r.ok).toBe(false);
    });

    it('reports an error inside the group filter with both positions', () => {
      expect(compileFilter('ok group.name = "broken"', GROUPS)).toEqual({
        ok: false,
        message:
          'in group "broken": expected an expression after AND (position 9 of its filter) at position 3',
        position: 3,
      });
    });
  });

  describe('group cycles', () => {
    it('reports a group that refers to itself instead of looping', () => {
      const r = compileFilter('group.name = "self"', GROUPS);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.position).toBe(0);
      expect(r.message).toBe(
        'in group "self": group "self" refers to itself (directly or through other groups) (position 7 of its filter) at position 0',
      );
    });

    it('reports an indirect cycle', () => {
      const r = compileFilter('group.name = "ping"', GROUPS);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain('group "ping" refers to itself');
    });

    it('reports a reference back to the group being defined (context.groupName)', () => {
      const r = compileFilter('group.name = "ping"', { ...GROUPS, groupName: 'pong' });
      expect(!r.ok && r.message).toContain('group "pong" refers to itself');
    });

    it('stops chains deeper than 10 groups', () => {
      const r = compileFilter('group.name = "chain0"', GROUPS);
      expect(!r.ok && r.message).toContain(
        'groups refer to other groups too deeply (more than 10 levels)',
      );
      expect(compileFilter('group.name = "chain3"', GROUPS).ok).toBe(true);
    });
  });

  describe('resolver failures', () => {
    it('turns a throwing resolver into an error result', () => {
      const r = compileFilter('group.name = "x"', {
        resolveGroup: () => {
          throw new Error('store offline');
        },
      });
      expect(r).toEqual({
        ok: false,
        message: 'internal error while compiling the filter: store offline at position 0',
        position: 0,
      });
    });
  });
});
