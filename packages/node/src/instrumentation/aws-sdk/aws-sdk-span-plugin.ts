// The lean aws-sdk instrumentation: one initialize-step middleware per client (installed at its
// first send by AwsSdkPluginInstrumentation) that makes the same span as
// @opentelemetry/instrumentation-aws-sdk for each command — without wrapping the middleware stack
// on every send, normalizing the request, or chaining promises per call.
import {
  context as api,
  diag,
  SpanKind,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type {
  AbsoluteLocation,
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  InitializeHandlerOptions,
  InitializeHandlerOutput,
  InitializeMiddleware,
  Pluggable,
} from '@smithy/types';
import type { AwsSdkClient } from '../../aws-sdk-plugin-instrumentation.ts';
import type { AwsSdkCall, ServiceExtension } from './aws-sdk-call.ts';
import {
  commandNameOf,
  rpcAttributes,
  serviceNameOf,
  setResponseMetadata,
  setSdkError,
} from './common-attributes.ts';
import { SERVICE_EXTENSIONS } from './service-extensions.ts';

/** Name under which the span middleware sits in a client's stack. */
export const SPAN_MIDDLEWARE_NAME = 'otelXRayAwsSdkSpanMiddleware';

// First in the initialize step: the span covers the whole stack (serialization, the X-Amzn-Trace-Id
// build middleware, retries, deserialization), as the OpenTelemetry instrumentation's does.
const MIDDLEWARE_OPTIONS: InitializeHandlerOptions & AbsoluteLocation = {
  step: 'initialize',
  priority: 'high',
  name: SPAN_MIDDLEWARE_NAME,
  tags: ['OTEL_XRAY'],
  override: true,
};

/** What the middleware keeps about its client between calls. */
interface ClientState {
  /** `rpc.service` from the client's `serviceId`; `undefined`: from each call's client name. */
  readonly service: string | undefined;
  /** The client's region provider (`config.region`). */
  readonly regionProvider: unknown;
  /** Set once the provider has answered (or failed): the region is resolved once per client. */
  regionKnown: boolean;
  region: string | undefined;
}

/**
 * The plugin that traces every command `client` sends: a CLIENT/PRODUCER/CONSUMER span named and
 * attributed as `@opentelemetry/instrumentation-aws-sdk` 0.79 does it, active while the rest of
 * the stack runs, the trace context written into SQS/SNS message attributes and Lambda's
 * `ClientContext`. Never throws into the application.
 */
export function awsSdkSpanPlugin(tracer: Tracer, client: AwsSdkClient): Pluggable<object, object> {
  const config = (typeof client.config === 'object' ? client.config : undefined) as
    Record<string, unknown> | undefined;
  const serviceId = config?.serviceId;
  const state: ClientState = {
    service: typeof serviceId === 'string' ? serviceNameOf(serviceId, undefined) : undefined,
    regionProvider: config?.region,
    regionKnown: false,
    region: undefined,
  };
  const middleware: InitializeMiddleware<object, object> = (next, executionContext) => (args) =>
    traceCall(tracer, state, executionContext, next, args);
  return {
    applyToStack: (stack) => {
      stack.add(middleware, MIDDLEWARE_OPTIONS);
    },
  };
}

function traceCall(
  tracer: Tracer,
  state: ClientState,
  executionContext: HandlerExecutionContext,
  next: InitializeHandler<object, object>,
  args: InitializeHandlerArguments<object>,
): Promise<InitializeHandlerOutput<object>> {
  let call: AwsSdkCall;
  let extension: ServiceExtension | undefined;
  let span: Span;
  try {
    const service = state.service ?? serviceNameOf(undefined, executionContext.clientName);
    const command = commandNameOf(
      executionContext.commandName ??
        (args as { constructor?: { name?: string } }).constructor?.name ??
        '',
    );
    call = {
      service,
      command,
      input: (args.input ?? {}) as Record<string, unknown>,
      kind: SpanKind.CLIENT,
    };
    extension = SERVICE_EXTENSIONS.get(service);
    const attributes = rpcAttributes(service, command);
    const name = extension?.start(call, attributes) ?? `${service}.${command}`;
    span = tracer.startSpan(name, { kind: call.kind, attributes });
  } catch (error) {
    diag.debug('@otel-xray/node: could not start an AWS SDK span', error);
    return next(args);
  }
  return tracedCall(state, call, extension, span, trace.setSpan(api.active(), span), next, args);
}

async function tracedCall(
  state: ClientState,
  call: AwsSdkCall,
  extension: ServiceExtension | undefined,
  span: Span,
  spanContext: Context,
  next: InitializeHandler<object, object>,
  args: InitializeHandlerArguments<object>,
): Promise<InitializeHandlerOutput<object>> {
  if (!state.regionKnown) await resolveRegion(state);
  if (state.region !== undefined) span.setAttribute('cloud.region', state.region);
  if (extension?.inject !== undefined) {
    try {
      extension.inject(call, spanContext);
    } catch (error) {
      diag.debug('@otel-xray/node: could not inject the trace context into an AWS SDK call', error);
    }
  }
  let result: InitializeHandlerOutput<object>;
  try {
    result = await api.with(spanContext, next, undefined, args);
  } catch (error) {
    try {
      setSdkError(span, error);
    } catch (recordError) {
      diag.debug('@otel-xray/node: could not record an AWS SDK error', recordError);
    }
    span.end();
    throw error;
  }
  try {
    if (span.isRecording()) recordOutput(call, extension, span, result.output);
  } catch (error) {
    diag.debug('@otel-xray/node: could not read an AWS SDK response', error);
  }
  span.end();
  return result;
}

function recordOutput(
  call: AwsSdkCall,
  extension: ServiceExtension | undefined,
  span: Span,
  output: unknown,
): void {
  if (typeof output !== 'object' || output === null) return;
  const metadata = (output as { $metadata?: { requestId?: unknown } }).$metadata;
  setResponseMetadata(span, metadata);
  extension?.respond?.(call, span, output as Record<string, unknown>, metadata?.requestId);
}

async function resolveRegion(state: ClientState): Promise<void> {
  try {
    const provider = state.regionProvider;
    const region: unknown =
      typeof provider === 'function' ? await (provider as () => unknown)() : provider;
    if (typeof region === 'string') state.region = region;
  } catch (error) {
    diag.debug('@otel-xray/node: could not resolve the AWS SDK client region', error);
  }
  state.regionKnown = true;
}
