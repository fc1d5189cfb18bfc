// Per-span facts shared by the one or two documents a span becomes.
import { isIP } from 'node:net';
import type {
  TranslatableSpan,
  TranslateOptions,
  TranslationProblem,
} from '../translatable-span.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { scanAttributes, slot } from './attribute-scan.ts';
import { AWS_SPAN_KIND } from './attribute-slots.ts';
import { str } from './attribute-values.ts';
import { LOCAL_ROOT } from './constants.ts';
import type { LogGroup, ResourceInfo } from './resource-info.ts';
import { logGroupEntries, resourceInfo } from './resource-info.ts';

/** Options in the shape translation uses (cached per options object). */
export interface ResolvedOptions {
  indexed: ReadonlySet<string>;
  indexAll: boolean;
  /** Keep `.` in annotation keys (the collector's `exporter.xray.allowDot` gate, on by default). */
  allowDot: boolean;
  /** `cloudwatch_logs` entries of `logGroupNames` (used when the resource names none). */
  logGroups: LogGroup[] | undefined;
  /** Check trace-id timestamps (`validateTraceIdTimestamp`). */
  validateEpoch: boolean;
}

/** Everything computed once per span. */
export interface SpanFacts {
  span: TranslatableSpan;
  /** `Object.keys(span.attributes)`, enumerated once. */
  keys: string[];
  scan: AttributeScan;
  resource: ResourceInfo;
  localRoot: boolean;
  traceId: string;
  options: ResolvedOptions;
  newId: () => string;
  problems: TranslationProblem[];
  /** Unix seconds of the trace-id timestamp check, when it is on. */
  epochNow: number | undefined;
}

const NO_OPTIONS: ResolvedOptions = {
  indexed: new Set(),
  indexAll: false,
  allowDot: true,
  logGroups: undefined,
  validateEpoch: false,
};
const resolved = new WeakMap<TranslateOptions, ResolvedOptions>();

/** Resolves options once per options object (callers usually pass the same one every time). */
export function resolveOptions(options: TranslateOptions | undefined): ResolvedOptions {
  if (options === undefined) return NO_OPTIONS;
  let out = resolved.get(options);
  if (out === undefined) {
    out = {
      indexed: new Set(Array.isArray(options.indexedAttributes) ? options.indexedAttributes : []),
      indexAll: options.indexAllAttributes === true,
      allowDot: options.allowDotInAnnotationKeys !== false,
      logGroups:
        Array.isArray(options.logGroupNames) && options.logGroupNames.length > 0
          ? logGroupEntries(options.logGroupNames, false)
          : undefined,
      validateEpoch: options.validateTraceIdTimestamp === true,
    };
    resolved.set(options, out);
  }
  return out;
}

function isIp(text: string): boolean {
  return text !== '' && isIP(text) !== 0;
}

/** Gathers the facts of a span whose ids were validated. */
export function spanFacts(
  span: TranslatableSpan,
  traceId: string,
  options: ResolvedOptions,
  newId: () => string,
  problems: TranslationProblem[],
  epochNow?: number,
): SpanFacts {
  const keys = Object.keys(span.attributes);
  const scan = scanAttributes(span.attributes, keys, isIp);
  return {
    span,
    keys,
    scan,
    resource: resourceInfo(span.resource.attributes),
    localRoot: str(slot(scan, AWS_SPAN_KIND)) === LOCAL_ROOT,
    traceId,
    options,
    newId,
    problems,
    epochNow,
  };
}
