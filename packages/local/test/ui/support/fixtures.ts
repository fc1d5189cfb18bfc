// Loads the UI's JSON fixtures (real API response shapes) for the pure-logic tests.
import { readFileSync } from 'node:fs';
import type { BatchGetTracesResult, Trace } from '../../../src/ui/lib/wire-types.ts';

/** The BatchGetTraces fixture's one trace: orders → SNS → inventory → SQS → shipping. */
export function fixtureTrace(): Trace {
  const raw = readFileSync(new URL('../fixtures/batch-get-traces.json', import.meta.url), 'utf8');
  const trace = (JSON.parse(raw) as BatchGetTracesResult).Traces?.[0];
  if (trace === undefined) throw new Error('fixture has no trace');
  return trace;
}
