// Value tests built once per comparison, so evaluation is a closure call with no allocation.
import type { AnnotationValue } from '@otel-xray/core';
import type { CompareOp, Literal } from './ast.ts';

/** Tests one string value. */
export type StringTest = (s: string) => boolean;
/** Tests one number value. */
export type NumberTest = (n: number) => boolean;

/** Matches any string: presence tests visit values with this. */
export const ANY_STRING: StringTest = () => true;

/** Number comparison `value <op> n`. */
export function numberTest(op: CompareOp, n: number): NumberTest {
  switch (op) {
    case '=':
      return (v) => v === n;
    case '!=':
      return (v) => v !== n;
    case '<':
      return (v) => v < n;
    case '<=':
      return (v) => v <= n;
    case '>':
      return (v) => v > n;
    case '>=':
      return (v) => v >= n;
    default:
      return () => false;
  }
}

/** Case-sensitive string comparison `value <op> s`; `<`… compare by UTF-16 code units. */
export function stringTest(op: CompareOp, s: string): StringTest {
  switch (op) {
    case '=':
      return (v) => v === s;
    case '!=':
      return (v) => v !== s;
    case 'contains':
      return (v) => v.includes(s);
    case 'beginswith':
      return (v) => v.startsWith(s);
    case 'endswith':
      return (v) => v.endsWith(s);
    case '<':
      return (v) => v < s;
    case '<=':
      return (v) => v <= s;
    case '>':
      return (v) => v > s;
    case '>=':
      return (v) => v >= s;
  }
}

/**
 * An annotation comparison uses the annotation's own value type: a number literal only matches
 * number values, a string literal string values, true/false boolean values.
 */
export function annotationTest(op: CompareOp, literal: Literal): (v: AnnotationValue) => boolean {
  if (literal.type === 'number') {
    const t = numberTest(op, literal.value);
    return (v) => typeof v === 'number' && t(v);
  }
  if (literal.type === 'string') {
    const t = stringTest(op, literal.value);
    return (v) => typeof v === 'string' && t(v);
  }
  const b = literal.value;
  return op === '=' ? (v) => v === b : (v) => typeof v === 'boolean' && v !== b;
}

/** True when some element passes `test`. */
export function anyString(values: readonly string[], test: StringTest): boolean {
  for (let i = 0; i < values.length; i++) if (test(values[i] as string)) return true;
  return false;
}
