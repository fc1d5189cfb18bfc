// The equivalence check of the JSON path: translateSpanJson gives JSON.stringify of each document
// translateSpan gives (same random ids on both paths), and the same problems.
import { expect } from 'vitest';
import type { TranslatableSpan, TranslateOptions } from '@otel-xray/core';
import { translateSpan, translateSpanJson } from '@otel-xray/core';

/** Deterministic "random" ids (a fresh counter per translation). */
function counterIds(): () => string {
  let n = 0;
  return () => (++n).toString(16).padStart(16, 'a');
}

/** Asserts byte-identical output of both paths; returns the number of documents. */
export function expectSameJson(
  span: TranslatableSpan,
  options?: TranslateOptions,
  now?: number,
): number {
  const clock = now === undefined ? {} : { now: () => now };
  const objects = translateSpan(span, options, { randomId: counterIds(), ...clock });
  const texts = translateSpanJson(span, options, { randomId: counterIds(), ...clock });
  expect(texts.documents).toStrictEqual(objects.documents.map((doc) => JSON.stringify(doc)));
  expect(texts.problems).toStrictEqual(objects.problems);
  return texts.documents.length;
}
