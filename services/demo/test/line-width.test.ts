import { describe, it, expect } from 'vitest';
import { TREE_LINK_LABEL, columns, wideLines, wrapLine } from '../src/line-width.ts';

const long = (n: number, ch = 'x'): string => ch.repeat(n);

describe('line-width', () => {
  describe('columns', () => {
    it('counts code points, not bytes or escape sequences', () => {
      expect(columns('a → b')).toBe(5);
      expect(columns('│  └─ ◇ q')).toBe(9);
      expect(columns('\u001b[31mred\u001b[0m')).toBe(3);
    });
  });

  describe('wrapLine', () => {
    it('leaves a line that fits alone', () => {
      expect(wrapLine('short line', 20)).toBe('short line');
    });

    it('breaks at spaces and indents the continuation lines', () => {
      const text = '[  1.9 s] emulator: mode host (no Docker socket): http://127.0.0.1:4566, ready';
      const lines = wrapLine(text, 40, 10).split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(40);
      expect(lines.slice(1).every((l) => l.startsWith(' '.repeat(10)))).toBe(true);
      expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
    });

    it('keeps a word longer than the line whole', () => {
      const path = `/${long(50)}`;
      expect(wrapLine(`see ${path} now`, 30, 2).split('\n')).toEqual(['see', `  ${path}`, '  now']);
    });
  });

  describe('wideLines', () => {
    const tree = [
      'trace 1-6b15d63a-9e2e7227e85fa33bc171c53b (5 segments, 4 services, 0.568 s)',
      `● orders  POST /orders/${long(120)} → 201`,
      `└─ SQS  aws SendMessage  /queue/${long(120)}`,
      `${TREE_LINK_LABEL}http://127.0.0.1:2000/#/traces/1-6b15d63a-9e2e7227e85fa33bc171c53b`,
    ];

    it('exempts tree lines, from the trace header to the link line', () => {
      expect(wideLines(['start', ...tree, 'end'].join('\n'), 100)).toEqual([]);
    });

    it('reports every other line over the width, with its number and columns', () => {
      const output = [long(101), ...tree, `Edges: ${long(100)}`, long(100)].join('\n');
      expect(wideLines(output, 100)).toEqual([
        { line: 1, columns: 101, text: long(101) },
        { line: 6, columns: 107, text: `Edges: ${long(100)}` },
      ]);
    });

    it('ends a tree at an empty line when no link follows', () => {
      const output = [tree[0], tree[1], '', long(120)].join('\n');
      expect(wideLines(output, 100).map((w) => w.line)).toEqual([4]);
    });
  });
});
