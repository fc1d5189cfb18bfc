export { XRayPropagator, readTraceHeader } from './xray-propagator.ts';
export { XRayLambdaPropagator, LAMBDA_TRACE_HEADER_ENV } from './lambda-propagator.ts';
export type { XRayLambdaPropagatorOptions } from './lambda-propagator.ts';
export { extractTraceHeader, traceHeaderForContext } from './header-context.ts';
export {
  getIncomingTraceHeader,
  incomingTraceHeaderFields,
  isSamplingUndecided,
} from './incoming-header.ts';
export type { IncomingTraceHeader } from './incoming-header.ts';
export { injectSqsSendMessage, injectSqsSendMessageBatch } from './sqs-send.ts';
export { extractSqsMessageContext, findSqsMessageTrace } from './sqs-receive.ts';
export type { MessageTrace, MessageTraceSource } from './sqs-receive.ts';
export {
  withTraceAttributeNames,
  TRACE_MESSAGE_ATTRIBUTE_NAMES,
} from './receive-attribute-names.ts';
export {
  traceHeaderMiddleware,
  xrayTraceHeaderPlugin,
  TRACE_HEADER_MIDDLEWARE_NAME,
  TRACE_HEADER_MIDDLEWARE_OPTIONS,
} from './sdk-middleware.ts';
export { xrayAwsSdkHooks } from './aws-sdk-hooks.ts';
export type { XRayAwsSdkHooks } from './aws-sdk-hooks.ts';
