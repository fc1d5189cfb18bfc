// Installs the trace matchers on vitest's `expect` and types them on `Assertion`.
import { expect } from 'vitest';
import type { NodeSelector } from '../trace/service-graph-view.ts';
import type { ExpectedNode, TreeMatchOptions } from './expected-node.ts';
import {
  checkAnnotation,
  checkOneTrace,
  checkServiceGraphEdge,
  checkTraceTree,
  type EdgeExpectation,
} from './trace-assertions.ts';

declare module 'vitest' {
  // The merge must repeat vitest's type parameters, though only R is used here.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Assertion<R, T> {
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
  }
}

let registered = false;

/**
 * Adds `toHaveTraceTree`, `toHaveServiceGraphEdge`, `toHaveAnnotation` and `toBeOneTrace` to
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
  });
}
