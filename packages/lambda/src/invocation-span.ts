// Starts the span of one invocation: its parent is Lambda's function segment named by the trace
// header, and it is INTERNAL so that it (and everything under it) is translated into subsegments of
// that AWS::Lambda::Function segment, as the X-Ray SDK's are — not into a second segment of the function.
import {
  diag,
  ROOT_CONTEXT,
  SpanKind,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { setAnnotation } from '@otel-xray/exporter';
import { takeColdStart } from './cold-start.ts';
import { invocationParent, type HeaderDecision } from './invocation-parent.ts';
import type { LambdaContext } from './lambda-types.ts';
import type { LambdaTracing } from './lambda-tracing.ts';
import type { UnsampledPolicy } from './options.ts';
import { detectTrigger, faasTrigger, type TriggerKind } from './triggers/detect-trigger.ts';
import { httpRequestAttributes } from './triggers/http-event.ts';
import { batchAttributes, batchLinks } from './triggers/message-links.ts';

/** A started invocation: its span (non-recording when not sampled) and the context to run in. */
export interface Invocation {
  span: Span;
  context: Context;
  trigger: TriggerKind;
}

let unsampledLogged = false;

/** Starts the invocation span for `event` under the header's parent. Never throws. */
export function startInvocation(
  tracing: LambdaTracing,
  name: string,
  event: unknown,
  lambdaContext: LambdaContext | undefined,
  header: string | undefined,
  unsampled: UnsampledPolicy,
): Invocation {
  const parent = invocationParent(header);
  const trigger = detectTrigger(event);
  const coldStart = takeColdStart();
  const attributes: Attributes = {
    ...invocationAttributes(lambdaContext, trigger, coldStart),
    ...(trigger === 'sqs' || trigger === 'sns' ? batchAttributes(event, trigger) : {}),
    ...(faasTrigger(trigger) === 'http' ? httpRequestAttributes(event, trigger) : {}),
  };
  const parentSpan = trace.getSpanContext(parent.context);
  const links: Link[] =
    trigger === 'sqs' || trigger === 'sns' ? batchLinks(event, trigger, parentSpan) : [];
  let start = parent.context;
  if (parent.decision === 'unsampled' && unsampled === 'new-trace' && parentSpan !== undefined) {
    start = ROOT_CONTEXT;
    links.unshift({ context: parentSpan, attributes: { 'aws.xray.unsampled_parent': true } });
  }
  // Under Lambda's segment: INTERNAL, a subsegment. A trace of its own: SERVER, a segment of the service.
  const kind = trace.getSpanContext(start) === undefined ? SpanKind.SERVER : SpanKind.INTERNAL;
  const span = tracing.tracer.startSpan(name, { kind, attributes, links }, start);
  if (span.isRecording()) setAnnotation(span, 'ColdStart', coldStart);
  else explainNotRecorded(parent.decision, lambdaContext?.awsRequestId);
  if (parent.decision === 'malformed')
    diag.debug('@otel-xray/lambda: _X_AMZN_TRACE_ID has no valid Root and Parent; new trace');
  return { span, context: trace.setSpan(start, span), trigger };
}

function invocationAttributes(
  lambdaContext: LambdaContext | undefined,
  trigger: TriggerKind,
  coldStart: boolean,
): Attributes {
  const out: Attributes = { 'faas.trigger': faasTrigger(trigger), 'faas.coldstart': coldStart };
  const arn = lambdaContext?.invokedFunctionArn;
  if (typeof arn === 'string' && arn.startsWith('arn:')) {
    out['cloud.resource_id'] = arn;
    out['aws.lambda.invoked_arn'] = arn;
    const account = arn.split(':')[4];
    if (account) out['cloud.account.id'] = account;
  }
  if (typeof lambdaContext?.awsRequestId === 'string')
    out['faas.invocation_id'] = lambdaContext.awsRequestId;
  if (typeof lambdaContext?.functionName === 'string')
    out['faas.name'] = lambdaContext.functionName;
  if (typeof lambdaContext?.functionVersion === 'string')
    out['faas.version'] = lambdaContext.functionVersion;
  return out;
}

const REASONS: Record<HeaderDecision, string> = {
  unsampled:
    '_X_AMZN_TRACE_ID says Sampled=0 (the caller did not sample, or the function uses PassThrough ' +
    "tracing); policy 'drop' — set unsampled: 'new-trace' to start a trace here instead",
  sampled: 'the sampler dropped it',
  undecided: 'the root sampler decided not to sample it',
  absent: 'the root sampler decided not to sample it (no _X_AMZN_TRACE_ID)',
  malformed: 'the root sampler decided not to sample it (_X_AMZN_TRACE_ID unreadable)',
};

/** Says once at info level (then at debug) why an invocation leaves no segment. */
function explainNotRecorded(decision: HeaderDecision, requestId: string | undefined): void {
  const text = `@otel-xray/lambda: invocation ${requestId ?? ''} not recorded: ${REASONS[decision]}`;
  if (unsampledLogged) diag.debug(text);
  else diag.info(text);
  unsampledLogged = true;
}
