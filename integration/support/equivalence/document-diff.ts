// The differences between two runs, one line each, readable without the documents at hand:
// which trace, which entity, which field, and both values. One known, accepted difference: an
// exception's `stack` in the first run (lean) may go on past the second run's (otel) last frame with
// awaiting frames only (`async …`): the lean AWS SDK middleware awaits the SDK call, so V8 keeps the
// caller's async frames on an SDK error, where instrumentation-aws-sdk's promise chain cuts them.

/** Trace key → entity path → document (see comparable-run.ts). */
type Run = ReadonlyMap<string, ReadonlyMap<string, unknown>>;

/** Names of the two runs in the lines (`lean`, `otel`). */
export type RunNames = readonly [string, string];

/** One line per trace or entity found in one run only, and per field whose values differ. */
export function diffRuns(a: Run, b: Run, names: RunNames): string[] {
  const lines: string[] = [];
  for (const key of union(a.keys(), b.keys())) {
    const ta = a.get(key);
    const tb = b.get(key);
    if (ta === undefined || tb === undefined) {
      lines.push(`trace "${key}": only in ${ta === undefined ? names[1] : names[0]}`);
      continue;
    }
    for (const path of union(ta.keys(), tb.keys())) {
      const where = `${key} › ${path}`;
      if (!ta.has(path) || !tb.has(path)) {
        lines.push(`${where}: only in ${ta.has(path) ? names[0] : names[1]}`);
        continue;
      }
      for (const [field, va, vb] of fieldDiffs(ta.get(path), tb.get(path), []))
        lines.push(
          `${where}: ${field || '(document)'}: ${names[0]} ${show(va)} | ${names[1]} ${show(vb)}`,
        );
    }
  }
  return lines;
}

const ABSENT = Symbol('absent');

function fieldDiffs(a: unknown, b: unknown, at: string[]): Array<[string, unknown, unknown]> {
  if (isPlainObject(a) && isPlainObject(b)) {
    return union(Object.keys(a), Object.keys(b)).flatMap((k) =>
      fieldDiffs(k in a ? a[k] : ABSENT, k in b ? b[k] : ABSENT, [...at, k]),
    );
  }
  if (at.at(-1) === 'stack' && Array.isArray(a) && Array.isArray(b) && extendsByAsync(a, b))
    return [];
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, i) => fieldDiffs(item, b[i], [...at, String(i)]));
  }
  const same = a === ABSENT || b === ABSENT ? a === b : JSON.stringify(a) === JSON.stringify(b);
  return same ? [] : [[at.join('.'), a, b]];
}

/** `longer` is `shorter` followed by frames that are all awaiting ones (label `async …`). */
export function extendsByAsync(longer: unknown[], shorter: unknown[]): boolean {
  if (longer.length <= shorter.length) return false;
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  if (!shorter.every((frame, i) => same(frame, longer[i]))) return false;
  return longer.slice(shorter.length).every((frame) => {
    const label = isPlainObject(frame) ? frame['label'] : undefined;
    return typeof label === 'string' && label.startsWith('async ');
  });
}

function show(value: unknown): string {
  return value === ABSENT ? '(absent)' : JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}
