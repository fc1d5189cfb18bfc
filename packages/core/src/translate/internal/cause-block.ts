// `fault` / `error` / `throttle` and `cause` (spec/translation.md §5).
import type { Cause, ExceptionDocument } from '../../segment-document.ts';
import type { TranslatableSpan } from '../translatable-span.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { hasSlot, slot } from './attribute-scan.ts';
import * as S from './attribute-slots.ts';
import { asString, int, str } from './attribute-values.ts';
import { AWS_API, KIND_CLIENT, KIND_PRODUCER, STATUS_ERROR } from './constants.ts';
import { parseJavaScriptStack } from './stack-javascript.ts';
import { fillJavaStack } from './stack-java.ts';
import { fillPythonStack, parseDotnetStack, parseGoStack } from './stack-other.ts';

/** Flags and cause of one span. */
export interface CauseResult {
  fault: boolean;
  error: boolean;
  throttle: boolean;
  cause: Cause | undefined;
  /** `http.status_text` became the cause message, so it leaves metadata. */
  usedStatusText: boolean;
}

function exceptionsOf(
  type: string,
  message: string,
  stacktrace: string,
  remote: boolean,
  language: string,
  newId: () => string,
): ExceptionDocument[] {
  const first: ExceptionDocument = { id: newId(), message, type, remote };
  if (stacktrace === '') return [first];
  switch (language) {
    case 'java':
    case 'php':
      return fillJavaStack(stacktrace, first, newId);
    case 'python':
      return fillPythonStack(stacktrace, first, newId);
    case 'javascript':
    case 'nodejs':
    case 'webjs':
      return withStack(first, parseJavaScriptStack(stacktrace));
    case 'dotnet':
      return withStack(first, parseDotnetStack(stacktrace));
    case 'go':
      return withStack(first, parseGoStack(stacktrace));
    default:
      return [first];
  }
}

function withStack(
  first: ExceptionDocument,
  stack: ExceptionDocument['stack'],
): ExceptionDocument[] {
  if (stack === undefined || stack.length === 0) return [first];
  // A new literal rather than `first.stack = …`: see `HttpPlan` in http-block.ts.
  return [{ id: first.id, message: first.message, type: first.type, remote: first.remote, stack }];
}

/** Event time as Unix seconds with exactly 6 decimals (microseconds, truncated). */
function eventSeconds(time: readonly [number, number]): string {
  const micros = time[0] * 1_000_000 + Math.floor(time[1] / 1000);
  return (micros / 1_000_000).toFixed(6);
}

/** Computes flags and `cause`. */
export function makeCause(
  span: TranslatableSpan,
  s: AttributeScan,
  language: string,
  newId: () => string,
): CauseResult {
  const awsSdk = str(slot(s, S.RPC_SYSTEM)) === AWS_API;
  const remote = span.kind === KIND_CLIENT || span.kind === KIND_PRODUCER;
  let exceptions: ExceptionDocument[] | undefined;
  let usedStatusText = false;
  for (const event of span.events) {
    if (event.name === 'exception') {
      const a = event.attributes ?? {};
      const found = exceptionsOf(
        str(a['exception.type']),
        str(a['exception.message']),
        str(a['exception.stacktrace']),
        remote,
        language,
        newId,
      );
      (exceptions ??= []).push(...found);
    } else if (awsSdk && event.name === 'HTTP request failure') {
      exceptions ??= [];
      const a = event.attributes ?? {};
      if (a['http.response.status_code'] === undefined || a['aws.http.error_message'] === undefined)
        continue;
      const message = `${asString(a['http.response.status_code'])}@${eventSeconds(event.time)}@${str(a['aws.http.error_message'])}`;
      exceptions.push({ id: newId(), message, type: 'aws.http.error.event', remote: true });
    }
  }
  let cause: Cause | undefined;
  if (exceptions !== undefined) {
    cause = exceptions.length > 0 ? { exceptions } : {};
  } else if (span.status.code === STATUS_ERROR) {
    let message = span.status.message ?? '';
    if (hasSlot(s, S.HTTP_STATUS_TEXT)) {
      usedStatusText = true;
      if (message === '') message = str(slot(s, S.HTTP_STATUS_TEXT));
    }
    if (message !== '') cause = { exceptions: [{ id: newId(), message, type: '' }] };
  }
  const hasCode = hasSlot(s, S.HTTP_STATUS_CODE);
  const codeValue = slot(s, hasCode ? S.HTTP_STATUS_CODE : S.HTTP_RESPONSE_STATUS_CODE);
  const present = hasCode || hasSlot(s, S.HTTP_RESPONSE_STATUS_CODE);
  const code = int(codeValue);
  const isError = span.status.code === STATUS_ERROR;
  if (!present || code < 400 || code > 599)
    return { fault: isError, error: false, throttle: false, cause, usedStatusText };
  if (code <= 499)
    return { fault: false, error: true, throttle: code === 429, cause, usedStatusText };
  return { fault: true, error: false, throttle: false, cause, usedStatusText };
}
