// Numeric SpanKind / SpanStatusCode values (kept local so translation needs no runtime import).

/** `SpanKind.INTERNAL`. */
export const KIND_INTERNAL = 0;
/** `SpanKind.SERVER`. */
export const KIND_SERVER = 1;
/** `SpanKind.CLIENT`. */
export const KIND_CLIENT = 2;
/** `SpanKind.PRODUCER`. */
export const KIND_PRODUCER = 3;
/** `SpanKind.CONSUMER`. */
export const KIND_CONSUMER = 4;
/** `SpanStatusCode.ERROR`. */
export const STATUS_ERROR = 2;

/** `aws.span.kind` value that marks an ADOT local root (§1.2). */
export const LOCAL_ROOT = 'LOCAL_ROOT';
/** `rpc.system` of AWS SDK spans. */
export const AWS_API = 'aws-api';

/** True for the kinds whose documents are dependency calls (CLIENT, PRODUCER, CONSUMER). */
export function isDependencyKind(kind: number): boolean {
  return kind === KIND_CLIENT || kind === KIND_PRODUCER || kind === KIND_CONSUMER;
}
