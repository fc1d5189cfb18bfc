// A function run locally the way Lambda runs it: an execution environment (runtime client
// process + Runtime API) started on the first invoke and reused, one invocation at a time,
// timeouts enforced by killing the environment, and with Active tracing the Lambda segments
// sent to the daemon address.
import { randomUUID } from 'node:crypto';
import { newSegmentId } from '@otel-xray/core';
import type { SegmentLink } from '@otel-xray/core';
import { daemonClient } from './daemon-client.ts';
import { facadeSegments } from './facade-segments.ts';
import type { FacadeOutcome, InvocationTimes } from './facade-segments.ts';
import { resolveFunctionConfig } from './function-config.ts';
import type { LocalFunctionConfig, ResolvedFunctionConfig } from './function-config.ts';
import { functionEnvironment, logStreamName } from './function-environment.ts';
import { startEnvironment } from './execution-environment.ts';
import type { ExecutionEnvironment, RunOutcome } from './execution-environment.ts';
import { invocationTrace } from './invocation-trace.ts';
import type { InvocationTrace } from './invocation-trace.ts';
import { errorFields, parsePayload } from './invoke-result.ts';
import type { InvokeResult } from './invoke-result.ts';
import { findRuntimeClient, spawnRuntimeClient } from './runtime-client.ts';

/** Options of one invocation. */
export interface InvokeOptions {
  /** The caller's `X-Amzn-Trace-Id` value; none starts a new trace (Active) or an unsampled one. */
  traceHeader?: string;
  /** Client context (`Lambda-Runtime-Client-Context`), serialized to JSON. */
  clientContext?: unknown;
  /** Links written on the `AWS::Lambda` segment (the SQS event-source mapping's producer links). */
  links?: SegmentLink[];
}

/** Options of {@link startLocalFunction} beyond the function's configuration. */
export interface LocalFunctionOptions {
  /** Freeze the process between invocations (SIGSTOP/SIGCONT), as Lambda. Default true. */
  freeze?: boolean;
  /** Receives the function's output and the runner's START/END/REPORT lines. */
  onLog?: (text: string) => void;
  /** The runtime client's entry script. Default: `aws-lambda-ric` as installed. */
  runtimeClient?: string;
}

/** A locally running function. */
export interface LocalFunction {
  /** Function name. */
  readonly name: string;
  /** Function ARN. */
  readonly arn: string;
  /** Invokes synchronously (RequestResponse); invocations run one at a time, in call order. */
  invoke(event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
  /** Resolves once every Lambda segment of finished invocations was sent. */
  flush(): Promise<void>;
  /** Kills the environment and closes sockets; idempotent. */
  stop(): Promise<void>;
}

const fixed = (ms: number): string => ms.toFixed(2);

/** Starts nothing yet: the first invoke starts the environment (a cold start). */
export function startLocalFunction(
  config: LocalFunctionConfig,
  options: LocalFunctionOptions = {},
): LocalFunction {
  const fn = resolveFunctionConfig(config);
  const ric = options.runtimeClient ?? findRuntimeClient();
  const daemon = daemonClient(fn.daemonAddress);
  const log = (text: string): void => options.onLog?.(text);
  const sends = new Set<Promise<void>>();
  let env: ExecutionEnvironment | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const newEnvironment = (): Promise<ExecutionEnvironment> =>
    startEnvironment({
      freeze: options.freeze ?? true,
      onOutput: log,
      spawn: (runtimeApi) =>
        spawnRuntimeClient(
          ric,
          fn.nodeArgs,
          fn.taskRoot,
          functionEnvironment(
            fn,
            runtimeApi,
            logStreamName(new Date(), fn.version, randomUUID().replaceAll('-', '')),
          ),
        ),
    });

  const record = (
    trace: InvocationTrace,
    requestId: string,
    times: InvocationTimes,
    outcome: FacadeOutcome,
    links: SegmentLink[] | undefined,
    overhead: Promise<number>,
  ): void => {
    if (!trace.recorded) return;
    const send = overhead
      .then((overheadEnd) => {
        const docs = facadeSegments({
          config: fn,
          trace,
          requestId,
          times: { ...times, overheadEnd },
          outcome,
          ...(links !== undefined ? { links } : {}),
          newId: () => newSegmentId(),
        });
        return daemon.send(docs);
      })
      .catch(() => undefined);
    sends.add(send);
    void send.finally(() => sends.delete(send));
  };

  async function runOne(event: unknown, invoke: InvokeOptions): Promise<InvokeResult> {
    if (stopped) throw new Error(`local function ${fn.name} was stopped`);
    const received = Date.now();
    const trace = invocationTrace(invoke.traceHeader, fn.tracing, { nowMs: received });
    const requestId = randomUUID();
    const cold = env === undefined || env.dead;
    if (cold) env = await newEnvironment();
    const current = env as ExecutionEnvironment;
    let outcome: RunOutcome | 'timeout' | 'init-timeout' | undefined;
    if (cold) outcome = await initOutcome(current, fn);
    const invocationStart = Date.now();
    const deadlineMs = invocationStart + fn.timeoutSeconds * 1000;
    log(`START RequestId: ${requestId} Version: ${fn.version}\n`);
    if (outcome === undefined) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), deadlineMs - Date.now());
      });
      outcome = await Promise.race([
        current.run({
          requestId,
          deadlineMs,
          invokedFunctionArn: fn.arn,
          traceId: trace.functionHeader,
          payload: JSON.stringify(event ?? null),
          ...(invoke.clientContext !== undefined
            ? { clientContext: JSON.stringify(invoke.clientContext) }
            : {}),
        }),
        timedOut,
      ]);
      clearTimeout(timer);
    }
    const invocationEnd = Date.now();
    // A response or a handled error keeps the environment; timeouts, crashes and init failures
    // reset it, as Lambda does.
    const kept =
      typeof outcome === 'object' && (outcome.kind === 'response' || outcome.kind === 'error');
    const overhead = kept ? boundedNextAsked(current) : Promise.resolve(invocationEnd);
    const result = resultOf(
      outcome,
      fn,
      requestId,
      trace,
      cold,
      current,
      invocationStart,
      invocationEnd,
    );
    if (!kept) {
      await current.kill();
      env = undefined;
    }
    log(`END RequestId: ${requestId}\n`);
    log(
      `REPORT RequestId: ${requestId}\tDuration: ${fixed(result.durationMs)} ms\t` +
        `Memory Size: ${fn.memoryMb} MB` +
        (result.initDurationMs !== undefined
          ? `\tInit Duration: ${fixed(result.initDurationMs)} ms`
          : '') +
        `\n`,
    );
    record(
      trace,
      requestId,
      {
        received,
        ...(cold
          ? { initStart: current.startedAt, initEnd: current.initEndedAt ?? invocationStart }
          : {}),
        invocationStart,
        invocationEnd,
        overheadEnd: invocationEnd,
      },
      facadeOutcome(result, outcome),
      invoke.links,
      overhead,
    );
    return result;
  }

  return {
    name: fn.name,
    arn: fn.arn,
    invoke(event, invoke = {}) {
      const run = tail.then(() => runOne(event, invoke));
      tail = run.catch(() => undefined);
      return run;
    },
    async flush() {
      await Promise.all([...sends]);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await tail;
      await env?.kill();
      env = undefined;
      await Promise.all([...sends]);
      daemon.close();
    },
  };
}

/** Waits for init; the outcome when it failed or took longer than Lambda's init limit. */
async function initOutcome(
  env: ExecutionEnvironment,
  fn: ResolvedFunctionConfig,
): Promise<RunOutcome | 'init-timeout' | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'init-timeout'>((resolve) => {
    timer = setTimeout(() => resolve('init-timeout'), fn.initTimeoutMs);
  });
  const outcome = await Promise.race([env.ready(), limit]);
  clearTimeout(timer);
  return outcome;
}

/** The end of Overhead: the runtime's next `next`, at most 2 s later. */
function boundedNextAsked(env: ExecutionEnvironment): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(Date.now()), 2_000);
  });
  return Promise.race([env.nextAsked(), cap]).finally(() => clearTimeout(timer));
}

function resultOf(
  outcome: RunOutcome | 'timeout' | 'init-timeout',
  fn: ResolvedFunctionConfig,
  requestId: string,
  trace: InvocationTrace,
  cold: boolean,
  env: ExecutionEnvironment,
  invocationStart: number,
  invocationEnd: number,
): InvokeResult {
  const base = {
    requestId,
    traceId: trace.traceId,
    coldStart: cold,
    durationMs: invocationEnd - invocationStart,
    ...(cold && env.initEndedAt !== undefined
      ? { initDurationMs: env.initEndedAt - env.startedAt }
      : {}),
  };
  const failed = (errorType: string, errorMessage: string, payload?: unknown): InvokeResult => ({
    ...base,
    functionError: 'Unhandled',
    errorType,
    errorMessage,
    payload: payload ?? { errorType, errorMessage },
  });
  if (outcome === 'timeout')
    return failed(
      'Sandbox.Timedout',
      `RequestId: ${requestId} Error: Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`,
    );
  if (outcome === 'init-timeout')
    return failed(
      'Sandbox.Timedout',
      `RequestId: ${requestId} Error: Init timed out after ${(fn.initTimeoutMs / 1000).toFixed(2)} seconds`,
    );
  if (outcome.kind === 'response') return { ...base, payload: parsePayload(outcome.payload) };
  if (outcome.kind === 'exit') {
    const why =
      outcome.signal !== null ? `signal: ${outcome.signal}` : `exit status ${outcome.code}`;
    return failed(
      'Runtime.ExitError',
      `RequestId: ${requestId} Error: Runtime exited with error: ${why}`,
    );
  }
  const payload = parsePayload(outcome.payload);
  const fields = errorFields(payload, outcome.errorType);
  return failed(fields.errorType, fields.errorMessage, payload);
}

function facadeOutcome(
  result: InvokeResult,
  outcome: RunOutcome | 'timeout' | 'init-timeout',
): FacadeOutcome {
  if (result.functionError === undefined) return { kind: 'ok' };
  const xrayCause =
    typeof outcome === 'object' && outcome.kind === 'error' ? outcome.xrayCause : undefined;
  return {
    kind: 'error',
    errorType: result.errorType ?? 'Unhandled',
    errorMessage: result.errorMessage ?? '',
    ...(xrayCause !== undefined ? { xrayCause } : {}),
  };
}
