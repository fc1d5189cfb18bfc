// Compares the properties of one expected node with one trace node (pure).
import type { TraceNode } from '../trace/types.ts';
import type { ExpectedNode, TextPattern } from './expected-node.ts';
import { showValue } from '../internal/show-value.ts';

/** Deep equality used for annotation values; vitest's `this.equals` understands asymmetric matchers. */
export type Equals = (actual: unknown, expected: unknown) => boolean;

/** The first property of `e` that `a` does not satisfy, as a sentence; undefined when all match. */
export function checkFields(e: ExpectedNode, a: TraceNode, equals: Equals): string | undefined {
  const texts: Array<[string, TextPattern | undefined, string | undefined]> = [
    ['service', e.service, a.service],
    ['name', e.name, a.name],
    ['kind', e.kind, a.kind],
    ['namespace', e.namespace, a.namespace],
    ['origin', e.origin, a.origin],
    ['operation', e.operation, strOf(a.aws?.operation)],
    ['http.method', e.http?.method, strOf(a.http?.request?.method)],
    ['http.url', e.http?.url, strOf(a.http?.request?.url)],
  ];
  for (const [field, want, got] of texts) {
    if (want !== undefined && !textMatches(want, got, equals)) return differs(field, want, got);
  }
  if (e.http?.status !== undefined && a.http?.response?.status !== e.http.status) {
    return differs('http.status', e.http.status, a.http?.response?.status);
  }
  const flags = ['fault', 'error', 'throttle', 'inferred'] as const;
  for (const flag of flags) {
    if (e[flag] !== undefined && e[flag] !== a[flag]) return differs(flag, e[flag], a[flag]);
  }
  for (const [key, want] of Object.entries(e.annotations ?? {})) {
    if (!(key in a.annotations)) return `annotation ${key} is missing`;
    if (!equals(a.annotations[key], want))
      return differs(`annotation ${key}`, want, a.annotations[key]);
  }
  return undefined;
}

function textMatches(want: TextPattern, got: string | undefined, equals: Equals): boolean {
  if (want instanceof RegExp) return got !== undefined && want.test(got);
  return equals(got, want);
}

function strOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function differs(field: string, want: unknown, got: unknown): string {
  return `${field}: expected ${showValue(want)}, got ${got === undefined ? 'nothing' : showValue(got)}`;
}
