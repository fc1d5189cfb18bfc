export {
  isTraceId,
  isSegmentId,
  parseTraceId,
  traceIdToW3C,
  traceIdFromW3C,
  normalizeSegmentId,
  epochHex,
  newTraceId,
  newSegmentId,
} from './ids.ts';
export type { XRayTraceId, ParsedTraceId, IdError, IdResult } from './ids.ts';
export { XRayIdGenerator } from './id-generator.ts';
export {
  parseTraceHeader,
  formatTraceHeader,
  TRACE_HEADER_NAME,
  MAX_TRACE_HEADER_LENGTH,
  MAX_TRACE_HEADER_FIELDS,
} from './trace-header.ts';
export type {
  TraceHeader,
  TraceHeaderResult,
  SampledFlag,
  FormatTraceHeaderOptions,
} from './trace-header.ts';
export { DAEMON_HEADER, MAX_DOCUMENT_BYTES } from './segment-document.ts';
export type {
  AnnotationValue,
  HttpBlock,
  AwsBlock,
  StackFrame,
  ExceptionDocument,
  Cause,
  SqlBlock,
  SegmentLink,
  EntityFields,
  SubsegmentDocument,
  SegmentDocument,
  TopLevelDocument,
} from './segment-document.ts';
export { validateSegmentDocument } from './validate/validate-segment-document.ts';
export type { SegmentValidation, ValidateOptions } from './validate/validate-segment-document.ts';
export type { DocumentProblem } from './validate/problems.ts';
export { parseSegmentId } from './ids.ts';
export type { RandomHex } from './ids.ts';
export type { IdGenerator, XRayIdGeneratorOptions } from './id-generator.ts';
export { MAX_EXTRA_FIELDS_LENGTH } from './trace-header.ts';
// translate
export { toSegmentDocuments, translateSpan } from './translate/translate-span.ts';
export type { TranslationResult } from './translate/translate-span.ts';
export { sanitizeSegmentName, sanitizeAnnotationKey } from './translate/sanitize.ts';
export type {
  TranslatableSpan,
  TranslatableSpanContext,
  TranslatableEvent,
  TranslatableLink,
  TranslatableAttributes,
  TranslatableHrTime,
  TranslateOptions,
  TranslateDeps,
  TranslationProblem,
} from './translate/translatable-span.ts';
export type { ParseTraceHeaderOptions } from './trace-header.ts';
export { toSegmentJson, translateSpanJson } from './translate/translate-span.ts';
export type { TranslationJsonResult } from './translate/translate-span.ts';
