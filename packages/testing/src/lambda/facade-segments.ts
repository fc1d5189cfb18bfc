// The two segments Lambda writes for a traced invocation, as published Lambda traces show them:
//   AWS::Lambda            (the service: request ID, status; parent = the caller)
//   └ AWS::Lambda::Function (the function: ARN, log group; parent of the function's own spans)
//       ├ Initialization   (cold start only: process start → runtime's first `next`)
//       ├ Invocation       (event delivered → response or error)
//       └ Overhead         (response → runtime's next `next`)
// Pure: every time and ID comes in.
import type { Cause, SegmentDocument, SegmentLink, SubsegmentDocument } from '@otel-xray/core';
import type { ResolvedFunctionConfig } from './function-config.ts';
import type { InvocationTrace } from './invocation-trace.ts';

/** Epoch milliseconds of the phases of one invocation. */
export interface InvocationTimes {
  /** The invoke reached the service. */
  received: number;
  /** Cold start: the runtime process started. */
  initStart?: number;
  /** Cold start: its first `next`. */
  initEnd?: number;
  /** The event was handed to the runtime. */
  invocationStart: number;
  /** Response, error, timeout or crash. */
  invocationEnd: number;
  /** The runtime asked for the next event (or the environment ended). */
  overheadEnd: number;
}

/** How the invocation ended, for the fault flags. */
export type FacadeOutcome =
  { kind: 'ok' } | { kind: 'error'; errorType: string; errorMessage: string; xrayCause?: string };

/** Everything the segments are built from. */
export interface FacadeInput {
  config: ResolvedFunctionConfig;
  trace: InvocationTrace;
  requestId: string;
  times: InvocationTimes;
  outcome: FacadeOutcome;
  /** Links to producers' traces (SQS batches), on the service segment. */
  links?: SegmentLink[];
  /** IDs for subsegments and exceptions. */
  newId: () => string;
}

const seconds = (ms: number): number => ms / 1000;

function sub(name: string, id: string, start: number, end: number): SubsegmentDocument {
  return { name, id, start_time: seconds(start), end_time: seconds(Math.max(start, end)) };
}

/** The runtime client's X-Ray cause (a JSON string), with the exception IDs X-Ray requires. */
function causeOf(outcome: FacadeOutcome, newId: () => string): Cause | undefined {
  if (outcome.kind !== 'error') return undefined;
  let parsed: { working_directory?: string; paths?: string[]; exceptions?: unknown[] } = {};
  try {
    const value = JSON.parse(outcome.xrayCause ?? '{}') as typeof parsed | null;
    if (value !== null && typeof value === 'object') parsed = value;
  } catch {
    // A malformed header still gives a cause from the error body below.
  }
  const listed = Array.isArray(parsed.exceptions) ? parsed.exceptions : [];
  const exceptions = (
    listed.length > 0
      ? listed
      : [{ type: outcome.errorType, message: outcome.errorMessage, stack: [] }]
  ).map((e) => ({ ...(e as Record<string, unknown>), id: newId() }));
  return {
    ...(parsed.working_directory !== undefined
      ? { working_directory: parsed.working_directory }
      : {}),
    paths: Array.isArray(parsed.paths) ? parsed.paths : [],
    exceptions,
  };
}

/** The `AWS::Lambda` and `AWS::Lambda::Function` documents of one recorded invocation. */
export function facadeSegments(input: FacadeInput): [SegmentDocument, SegmentDocument] {
  const { config, trace, requestId, times, outcome, newId } = input;
  const cold = times.initStart !== undefined && times.initEnd !== undefined;
  const functionStart = cold ? (times.initStart ?? times.invocationStart) : times.invocationStart;
  const service: SegmentDocument = {
    name: config.name,
    id: trace.serviceSegmentId,
    trace_id: trace.traceId,
    ...(trace.callerId !== undefined ? { parent_id: trace.callerId } : {}),
    start_time: seconds(times.received),
    end_time: seconds(Math.max(times.received, times.invocationEnd)),
    origin: 'AWS::Lambda',
    resource_arn: config.arn,
    aws: { request_id: requestId },
    http: { response: { status: 200 } },
    ...(input.links !== undefined && input.links.length > 0 ? { links: input.links } : {}),
  };
  const subsegments: SubsegmentDocument[] = [];
  if (cold) {
    const init = sub('Initialization', newId(), functionStart, times.initEnd ?? functionStart);
    subsegments.push({ ...init, aws: { function_arn: config.arn } });
  }
  const invocation = sub('Invocation', newId(), times.invocationStart, times.invocationEnd);
  const cause = causeOf(outcome, newId);
  subsegments.push(cause === undefined ? invocation : { ...invocation, fault: true, cause });
  subsegments.push(sub('Overhead', newId(), times.invocationEnd, times.overheadEnd));
  const fn: SegmentDocument = {
    name: config.name,
    id: trace.functionSegmentId,
    trace_id: trace.traceId,
    parent_id: trace.serviceSegmentId,
    start_time: seconds(functionStart),
    end_time: seconds(Math.max(functionStart, times.overheadEnd)),
    origin: 'AWS::Lambda::Function',
    resource_arn: config.arn,
    aws: {
      account_id: config.accountId,
      function_arn: config.arn,
      resource_names: [config.name],
      cloudwatch_logs: [{ log_group: `/aws/lambda/${config.name}` }],
    },
    ...(cause !== undefined ? { fault: true } : {}),
    subsegments,
  };
  return [service, fn];
}
