// Loads the JSON fixtures under test/fixtures (realistic X-Ray documents and API responses).
import { readFileSync } from 'node:fs';
import type { ApiServiceGraph, ApiTrace } from '../../src/index.ts';

const dir = new URL('../fixtures/', import.meta.url);

/** Parsed JSON of `test/fixtures/<name>`. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
}

/** The first trace of a BatchGetTraces fixture. */
export function apiTrace(name: 'order-flow' | 'faulty-flow' | 'broken-flow'): ApiTrace {
  const output = fixture<{ Traces: ApiTrace[] }>(`${name}.batch-get-traces.json`);
  return output.Traces[0]!;
}

/** The GetServiceGraph fixture of the order flow. */
export function serviceGraph(): ApiServiceGraph {
  return fixture<ApiServiceGraph>('order-flow.service-graph.json');
}

/** Segment documents as the services sent them (segments and one independent subsegment). */
export function sentDocuments(): Array<Record<string, unknown>> {
  return fixture('order-flow.segments.json');
}
