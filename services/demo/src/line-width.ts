// The demo's terminal rule (pure): every line fits in 100 columns, except the lines of a trace
// tree, which are as deep and as long as the trace. Used to wrap text and, in tests, to check
// the real output.
import { stripVTControlCharacters } from 'node:util';

/** Widest line the demo prints outside trace trees. */
export const MAX_COLUMNS = 100;

/** Starts the line printed after each tree: its deep link into the UI. */
export const TREE_LINK_LABEL = 'open in the UI: ';

/** A trace tree's header, `trace 1-…-… (N segments, …)`; the tree's lines follow it. */
const TREE_HEADER = /^trace \d-[0-9a-f]{8}-[0-9a-f]{24} \(/;

/** Terminal columns of a line: code points without escape sequences (the demo prints no wide characters). */
export function columns(line: string): number {
  return [...stripVTControlCharacters(line)].length;
}

/**
 * Greedy word wrap of one line to `max` columns; continuation lines start with `indent` spaces.
 * A word longer than a line (a path, a URL) stays whole on its own line.
 */
export function wrapLine(text: string, max = MAX_COLUMNS, indent = 0): string {
  if (columns(text) <= max) return text;
  const pad = ' '.repeat(indent);
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    const start = lines.length === 0 ? '' : pad;
    if (current !== '' && columns(start + candidate) > max) {
      lines.push(start + current);
      current = word;
    } else current = candidate;
  }
  lines.push((lines.length === 0 ? '' : pad) + current);
  return lines.join('\n');
}

/** One line that breaks the rule. */
export interface WideLine {
  /** 1-based line number in the output. */
  line: number;
  columns: number;
  text: string;
}

/**
 * The lines of `output` wider than `max` that are not trace-tree lines. A tree is the block after
 * a `trace <id> (` header up to its link line ({@link TREE_LINK_LABEL}) or an empty line.
 */
export function wideLines(output: string, max = MAX_COLUMNS): WideLine[] {
  const wide: WideLine[] = [];
  let inTree = false;
  for (const [i, text] of output.split('\n').entries()) {
    if (inTree && (text === '' || text.startsWith(TREE_LINK_LABEL))) inTree = false;
    const width = columns(text);
    if (!inTree && width > max) wide.push({ line: i + 1, columns: width, text });
    if (TREE_HEADER.test(text)) inTree = true;
  }
  return wide;
}
