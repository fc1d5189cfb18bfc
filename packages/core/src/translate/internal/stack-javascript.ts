// V8 stack traces (`telemetry.sdk.language` nodejs / javascript / webjs), as the collector parses them.
import type { StackFrame } from '../../segment-document.ts';
import { splitLines } from './lines.ts';
import { atoi } from './numbers.ts';

const PREFIX = '    at ';

/** Frames of a V8 stack: the header line is skipped; only `    at …` lines are frames. */
export function parseJavaScriptStack(stacktrace: string): StackFrame[] {
  const lines = splitLines(stacktrace);
  const frames: StackFrame[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith(PREFIX)) continue;
    const paren = line.indexOf('(');
    let label = '';
    let path = '';
    let lineNumber = 0;
    if (paren >= 0 && line.endsWith(')')) {
      // The label keeps its trailing space ("speedy "), as in the collector.
      label = line.slice(PREFIX.length, paren);
      path = line.slice(paren + 1, line.length - 1);
    } else if (paren < 0) {
      path = line.slice(PREFIX.length);
    }
    const first = path.indexOf(':');
    const second = first >= 0 ? path.indexOf(':', first + 1) : -1;
    if (first >= 0 && second >= 0) {
      lineNumber = atoi(path.slice(first + 1, second));
      path = path.slice(0, first);
    } else if (first < 0 && path.includes('native')) {
      path = 'native';
    }
    if (path !== '' || label !== '' || lineNumber !== 0)
      frames.push({ path, line: lineNumber, label });
  }
  return frames;
}
