// Python, .NET and Go stack traces, parsed as the collector does (cause.go).
import type { ExceptionDocument, StackFrame } from '../../segment-document.ts';
import { splitLines } from './lines.ts';
import { atoi } from './numbers.ts';

const DURING_HANDLING = 'During handling of the above exception, another exception occurred:';

/** Python tracebacks, read bottom-up; `During handling…` starts a new (causing) exception. */
export function fillPythonStack(
  stacktrace: string,
  first: ExceptionDocument,
  newId: () => string,
): ExceptionDocument[] {
  const out = [first];
  const lines = stacktrace.split('\n');
  let current = first;
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.startsWith('  File ')) {
      const parts = line.split(',');
      if (parts.length !== 3) continue;
      const [filePart = '', linePart = '', labelPart = ''] = parts;
      const path = filePart.slice(8, filePart.length - 1);
      const lineNumber = linePart.startsWith(' line ') ? atoi(linePart.slice(6)) : 0;
      const label = labelPart.startsWith(' in ') ? labelPart.slice(4) : '';
      (current.stack ??= []).push({ path, line: lineNumber, label });
    } else if (line.startsWith(DURING_HANDLING)) {
      let next = i - 1;
      while (next >= 0 && !(lines[next] ?? '').startsWith('  File ')) next--;
      if (next < 0) return out;
      const message = lines.slice(next + 2, i - 1).join('\n');
      const colon = message.indexOf(':');
      if (colon < 0) return out;
      const cause: ExceptionDocument = {
        id: newId(),
        message: message.slice(colon + 2),
        type: message.slice(0, colon),
      };
      if (first.remote !== undefined) cause.remote = first.remote;
      current.cause = cause.id;
      out.push(cause);
      current = cause;
      i = next + 1; // the loop's i-- lands on the File line
    }
  }
  return out;
}

/** .NET stacks: `at Label in path:line N` or `at Label(…)` lines after the header. */
export function parseDotnetStack(stacktrace: string): StackFrame[] {
  const lines = splitLines(stacktrace);
  const frames: StackFrame[] = [];
  if (lines.length < 2) return frames;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line.startsWith('at ')) continue;
    if (line.includes(' in ')) {
      const parts = line.split(' in ');
      const label = (parts[0] ?? '').slice(3);
      let path = parts[1] ?? '';
      let lineNumber = 0;
      const colon = path.lastIndexOf(':');
      if (colon >= 0) {
        let lineText = path.slice(colon + 1);
        if (lineText.startsWith('line')) lineText = lineText.slice(5);
        path = path.slice(0, colon);
        lineNumber = atoi(lineText);
      }
      frames.push({ path, line: lineNumber, label });
    } else {
      const close = line.lastIndexOf(')');
      if (close >= 0) frames.push({ path: '', line: 0, label: line.slice(3, close + 1) });
    }
  }
  return frames;
}

const GOROUTINE = /^goroutine.*\brunning\b.*:$/;
const PATH_LINE = /([^:\t\n\f\r ]+):(\d+)/;

/** Go panics: `goroutine N [running]:` then function / `\tpath:line` pairs. */
export function parseGoStack(stacktrace: string): StackFrame[] {
  const lines = splitLines(stacktrace);
  const frames: StackFrame[] = [];
  if (lines.length < 2) return frames;
  let i = 1;
  const next = (): string => lines[++i] ?? '';
  let line = lines[i] ?? '';
  let path = '';
  let lineNumber = 0;
  for (;;) {
    if (GOROUTINE.test(line)) line = next();
    const label = line;
    line = next();
    const match = PATH_LINE.exec(line);
    if (match !== null) {
      path = match[1] ?? '';
      lineNumber = atoi(match[2] ?? '');
    }
    frames.push({ path, line: lineNumber, label });
    if (i + 1 >= lines.length) break;
    line = next();
  }
  return frames;
}
