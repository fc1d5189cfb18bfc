// Java-format stack traces (`java`, `php`) with `Caused by:` chains, as the collector parses them.
import type { ExceptionDocument, StackFrame } from '../../segment-document.ts';
import { splitLines } from './lines.ts';
import { atoi } from './numbers.ts';

function isFrame(line: string): boolean {
  return line.startsWith('\tat ') && line.includes('(') && line.endsWith(')');
}

function frame(line: string): StackFrame {
  const paren = line.indexOf('(');
  let label = line.slice(4, paren);
  const slash = label.indexOf('/');
  // A class-loader or module prefix ("app//", "java.base/") is dropped.
  if (slash >= 0) label = label.slice(slash + 1);
  let path = line.slice(paren + 1, line.length - 1);
  let lineNumber = 0;
  const colon = path.indexOf(':');
  if (colon >= 0) {
    lineNumber = atoi(path.slice(colon + 1));
    path = path.slice(0, colon);
  }
  return { path, line: lineNumber, label };
}

/**
 * Adds frames to `first` and appends one exception per `Caused by:` (each linked from the previous one
 * through `cause`). `...` lines and `Suppressed:` blocks are skipped.
 */
export function fillJavaStack(
  stacktrace: string,
  first: ExceptionDocument,
  newId: () => string,
): ExceptionDocument[] {
  const out = [first];
  const lines = splitLines(stacktrace);
  if (lines.length < 2) return out;
  let current = first;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isFrame(line)) {
      (current.stack ??= []).push(frame(line));
    } else if (line.startsWith('Caused by: ')) {
      let type = line.slice('Caused by: '.length);
      let message = '';
      const colon = type.indexOf(':');
      if (colon >= 0) {
        message = type.slice(colon + 2);
        type = type.slice(0, colon);
      }
      // The message may span several lines, up to the next frame.
      while (i + 1 < lines.length && !isFrame(lines[i + 1] ?? '')) message += lines[++i] ?? '';
      const next: ExceptionDocument = { id: newId(), message, type };
      if (first.remote !== undefined) next.remote = first.remote;
      current.cause = next.id;
      out.push(next);
      current = next;
    }
  }
  return out;
}
