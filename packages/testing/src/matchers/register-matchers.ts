// Installs the trace matchers on vitest's `expect` and types them on `Assertion`.
import { expect } from 'vitest';
import type { NodeSelector } from '../trace/service-graph-view.ts';
import type { ExpectedNode, TreeMatchOptions } from './expected-node.ts';
import { checkLog, type ExpectedLog } from '../logs/check-log.ts';
import {
  checkAnnotation,
  checkOneTrace,
  checkServiceGraphEdge,
  checkTraceTree,
  type EdgeExpectation,
} from './trace-assertions.ts';

/** The trace matchers' signatures; `R` is what an assertion returns (a promise after `.resolves`). */
export interface TraceMatchers<R> {
  /**
   * The trace (or BatchGetTraces output, or segment documents) contains this tree: properties
   * matched partially, children in any order unless `{ ordered: true }`.
   */
  toHaveTraceTree(expected: ExpectedNode | ExpectedNode[], options?: TreeMatchOptions): R;
  /** The service graph (GetServiceGraph output or a Trace's graph) has an edge `from → to`. */
  toHaveServiceGraphEdge(from: NodeSelector, to: NodeSelector, expectation?: EdgeExpectation): R;
  /** Some node of the trace (or this node) has annotation `key`, equal to `value` when given. */
  toHaveAnnotation(key: string, value?: unknown): R;
  /** Every segment shares one trace ID and every parent link resolves. */
  toBeOneTrace(): R;
  /**
   * The trace (from `waitForTrace(id, { logs: true })`) or list of log lines has a line matching
   * every given field: `service`, `level`, `message` (substring or RegExp), `segmentId`, `attributes`.
   */
  toHaveLog(expected: ExpectedLog): R;
}

// Typed on both vitest majors the peer range allows: vitest 5's assertions extend
// `Matchers<R, T>`; vitest 4's extend the global `jest.Matchers<R, T>` (its own `Matchers` has one
// type parameter, so no single merge serves both). Under vitest 5 the `jest` merge is unused;
// under vitest 4 the first merge is TS2428, which only `skipLibCheck: false` reports. The merges
// must repeat vitest's type parameters, though only R is used.
/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-namespace */
declare module 'vitest' {
  interface Matchers<R, T> extends TraceMatchers<R> {}
}
declare global {
  namespace jest {
    interface Matchers<R, T> extends TraceMatchers<R> {}
  }
}
/* eslint-enable @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type, @typescript-eslint/no-namespace */

let registered = false;

/**
 * Adds `toHaveTraceTree`, `toHaveServiceGraphEdge`, `toHaveAnnotation`, `toBeOneTrace` and `toHaveLog` to
 * vitest's `expect`. Idempotent. Alternatively list `@otel-xray/testing/matchers` in `setupFiles`.
 *
 * @example
 * registerMatchers();
 * expect(trace).toHaveTraceTree({ service: 'orders', children: [{ name: 'SNS', namespace: 'aws' }] });
 */
export function registerMatchers(): void {
  if (registered) return;
  registered = true;
  expect.extend({
    toHaveTraceTree(
      received: unknown,
      expected: ExpectedNode | ExpectedNode[],
      options?: TreeMatchOptions,
    ) {
      return checkTraceTree(received, expected, options, (a, b) => this.equals(a, b));
    },
    toHaveServiceGraphEdge(
      received: unknown,
      from: NodeSelector,
      to: NodeSelector,
      expectation?: EdgeExpectation,
    ) {
      return checkServiceGraphEdge(received, from, to, expectation);
    },
    toHaveAnnotation(received: unknown, ...args: [string, unknown?]) {
      return checkAnnotation(received, args[0], args[1], args.length > 1, (a, b) =>
        this.equals(a, b),
      );
    },
    toBeOneTrace(received: unknown) {
      return checkOneTrace(received);
    },
    toHaveLog(received: unknown, expected: ExpectedLog) {
      return checkLog(received, expected, (a, b) => this.equals(a, b));
    },
  });
}
