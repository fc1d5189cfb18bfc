export { startTracing } from './start-tracing.ts';
export type { StartTracingOptions } from './options.ts';
export { shutdownTracing, getTracingHandle, activeSpan } from './tracing-handle.ts';
export type { TracingHandle } from './tracing-handle.ts';
export { processMessage } from './process-message.ts';
export type { ProcessMessageOptions, SqsMessageLike } from './process-message.ts';
export { detectAwsEnvironment } from './aws-environment.ts';
export type { AwsEnvironmentProbe } from './aws-environment.ts';
export { AwsSdkPluginInstrumentation } from './aws-sdk-plugin-instrumentation.ts';
export type {
  AwsSdkPluginInstrumentationConfig,
  AwsSdkPlugin,
  AwsSdkClient,
} from './aws-sdk-plugin-instrumentation.ts';
export { propagatorFromEnv } from './propagators.ts';
export { sqsReceiveInput } from './sqs-helpers.ts';
export type { SqsReceiveInput } from './sqs-helpers.ts';
export { injectSqsSendMessage, injectSqsSendMessageBatch } from '@otel-xray/propagation';
export { setAnnotation, setMetadata, withSubsegment } from '@otel-xray/exporter';
export { xrayLogFields, logFieldsFor } from './logs/xray-log-fields.ts';
export type { XRayLogFields } from './logs/xray-log-fields.ts';
export { LOG_FIELDS } from './logs/log-field-names.ts';
export type { LogCorrelationMode } from './logs/log-correlation-mode.ts';
export { xrayPinoOptions } from './logs/pino-options.ts';
export type { XRayPinoOptions } from './logs/pino-options.ts';
export { xrayWinstonFormat } from './logs/winston-format.ts';
export type { XRayWinstonFormat } from './logs/winston-format.ts';
export { correlateConsole } from './logs/console-correlation.ts';
export { xrayLogDestination } from './logs/log-destination.ts';
export type { LineSink } from './logs/log-destination.ts';
