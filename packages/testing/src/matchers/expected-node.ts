// What `toHaveTraceTree` is given: a partial description of a node and its children.
import type { TraceNodeKind } from '../trace/types.ts';

/** A string compared exactly, a RegExp tested, or any vitest asymmetric matcher. */
export type TextPattern = string | RegExp | { asymmetricMatch(other: unknown): boolean };

/**
 * A partial trace node: only the properties given are compared. `children` are matched against
 * the node's direct children — in any order and ignoring extra children unless `ordered` is set.
 */
export interface ExpectedNode {
  /** Service that recorded the node (the enclosing segment's name). */
  service?: TextPattern;
  /** The document's `name`. */
  name?: TextPattern;
  /** `segment` (a service's or inferred segment) or `subsegment`. */
  kind?: TraceNodeKind;
  /** Subsegment namespace: `aws`, `remote`, `local`. */
  namespace?: TextPattern;
  /** Segment origin, e.g. `AWS::SQS::Queue` on an inferred queue. */
  origin?: TextPattern;
  /** `aws.operation`, e.g. `SendMessage`. */
  operation?: TextPattern;
  /** HTTP request/response facts. */
  http?: { method?: TextPattern; url?: TextPattern; status?: number };
  /** 5xx / failure flag. */
  fault?: boolean;
  /** 4xx flag. */
  error?: boolean;
  /** 429 flag. */
  throttle?: boolean;
  /** True for nodes X-Ray inferred (SNS topics, SQS queues, remote APIs). */
  inferred?: boolean;
  /** Annotations that must be present with these values (others are ignored). */
  annotations?: Record<string, unknown>;
  /** Expected direct children. */
  children?: ExpectedNode[];
}

/** Options of `toHaveTraceTree`. */
export interface TreeMatchOptions {
  /**
   * Children must match one to one, in start-time order, with no extra children.
   * Default false: any order, extra children allowed.
   */
  ordered?: boolean;
}
