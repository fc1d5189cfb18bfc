// How Lambda decides an invocation's trace context (Lambda developer guide, "Visualize Lambda
// function invocations using AWS X-Ray"): the caller's header decides sampling; with Active
// tracing and no decision Lambda samples (here: always) and writes its two segments; with
// PassThrough it only forwards the header, starting an unsampled one when none came.
import { newSegmentId, newTraceId, parseTraceHeader, formatTraceHeader } from '@otel-xray/core';
import type { TracingMode } from './function-config.ts';

/** The trace decisions for one invocation. */
export interface InvocationTrace {
  /** Trace ID of the invocation. */
  traceId: string;
  /** Whether the runner writes the `AWS::Lambda` and `AWS::Lambda::Function` segments. */
  recorded: boolean;
  /** The caller's (sub)segment, parent of the `AWS::Lambda` segment. */
  callerId?: string;
  /** ID of the `AWS::Lambda` (service) segment. */
  serviceSegmentId: string;
  /** ID of the `AWS::Lambda::Function` segment: `Parent=` of the function's header. */
  functionSegmentId: string;
  /** `Lambda-Runtime-Trace-Id` sent to the runtime, i.e. the function's `_X_AMZN_TRACE_ID`. */
  functionHeader: string;
}

/** Sources of time and randomness (swapped in tests). */
export interface TraceDeps {
  nowMs: number;
  segmentId?: () => string;
}

/** The trace context of an invocation from the caller's `X-Amzn-Trace-Id` value (if any). */
export function invocationTrace(
  incoming: string | undefined,
  mode: TracingMode,
  deps: TraceDeps,
): InvocationTrace {
  const id = deps.segmentId ?? (() => newSegmentId());
  const parsed = incoming === undefined ? undefined : parseTraceHeader(incoming);
  const header = parsed?.ok ? parsed.header : undefined;
  const traceId = header?.root ?? newTraceId(deps.nowMs);
  const decided = header?.root !== undefined ? header.sampled : undefined;
  const recorded = mode === 'Active' ? decided !== '0' : false;
  const serviceSegmentId = id();
  const functionSegmentId = id();
  const functionHeader = formatTraceHeader({
    root: traceId,
    // Unsampled or PassThrough: the caller's parent travels on unchanged (Lambda writes nothing).
    parent: recorded ? functionSegmentId : header?.parent,
    sampled: recorded ? '1' : (decided ?? '0'),
    ...(header?.lineage !== undefined ? { lineage: header.lineage } : {}),
    extra: [],
  });
  return {
    traceId,
    recorded,
    ...(header?.parent !== undefined ? { callerId: header.parent } : {}),
    serviceSegmentId,
    functionSegmentId,
    functionHeader,
  };
}
