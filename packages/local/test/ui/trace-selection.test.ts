import { describe, expect, it } from 'vitest';
import { chooseTrace } from '../../src/ui/lib/trace-selection.ts';

const list = (...ids: string[]): Array<{ Id: string }> => ids.map((Id) => ({ Id }));

describe('trace selection', () => {
  describe('chooseTrace', () => {
    it('shows the pinned trace when the list has it', () => {
      expect(
        chooseTrace({ pinned: 'b', current: 'a', summaries: list('a', 'b'), dropUnlisted: true }),
      ).toEqual({ pinned: 'b', trace: 'b', outside: false });
    });
    it('keeps a pinned trace the list lacks, marked outside, when the URL asked for it', () => {
      expect(
        chooseTrace({ pinned: 'x', current: undefined, summaries: list('a'), dropUnlisted: false }),
      ).toEqual({ pinned: 'x', trace: 'x', outside: true });
    });
    it('lets a pinned trace go after a filter whose list lacks it', () => {
      expect(
        chooseTrace({ pinned: 'x', current: undefined, summaries: list('a'), dropUnlisted: true }),
      ).toEqual({ pinned: undefined, trace: 'a', outside: false });
      expect(chooseTrace({ pinned: 'x', current: 'x', summaries: [], dropUnlisted: true })).toEqual(
        { pinned: undefined, trace: undefined, outside: false },
      );
    });
    it('keeps the unpinned trace while listed, so live refresh does not jump', () => {
      expect(
        chooseTrace({
          pinned: undefined,
          current: 'b',
          summaries: list('new', 'b'),
          dropUnlisted: false,
        }),
      ).toEqual({ pinned: undefined, trace: 'b', outside: false });
    });
    it('falls back to the newest when the unpinned trace left the list', () => {
      expect(
        chooseTrace({
          pinned: undefined,
          current: 'gone',
          summaries: list('a', 'b'),
          dropUnlisted: false,
        }),
      ).toEqual({ pinned: undefined, trace: 'a', outside: false });
    });
  });
});
