export { withTracing } from './with-tracing.ts';
export { startLambdaTracing } from './lambda-tracing.ts';
export type { LambdaTracing } from './lambda-tracing.ts';
export { processSqsRecords } from './process-sqs-records.ts';
export type { SqsBatchResponse, SqsEventLike } from './process-sqs-records.ts';
export type {
  LambdaTracingOptions,
  WithTracingOptions,
  UnsampledPolicy,
  LambdaInstrumentation,
  FlushableTracerProvider,
} from './options.ts';
export type {
  LambdaContext,
  LambdaHandler,
  LambdaCallback,
  TracedHandler,
} from './lambda-types.ts';
export type { TriggerKind } from './triggers/detect-trigger.ts';
export { detectTrigger } from './triggers/detect-trigger.ts';
export { loadHandler } from './load-handler.ts';
