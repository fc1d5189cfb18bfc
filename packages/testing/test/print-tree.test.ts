import { describe, it, expect } from 'vitest';
import { buildTrace } from '../src/index.ts';
import { apiTrace } from './helpers/fixtures.ts';

describe('Trace.print', () => {
  describe('with the order flow', () => {
    it('renders an indented tree with kinds, calls, HTTP and durations', () => {
      expect(buildTrace(apiTrace('order-flow')).print()).toMatchSnapshot();
    });
  });

  describe('with faults, errors and throttles', () => {
    it('marks each flagged node', () => {
      const text = buildTrace(apiTrace('faulty-flow')).print();
      expect(text).toMatchSnapshot();
      expect(text).toContain('[ERROR][THROTTLE]');
      expect(text).toContain('→ 500  50.0 ms  [FAULT]');
    });
  });

  describe('with a missing segment', () => {
    it('says how many segments lost their parent', () => {
      expect(buildTrace(apiTrace('broken-flow')).print()).toContain(
        '! 1 segment whose parent is missing',
      );
    });
  });
});
