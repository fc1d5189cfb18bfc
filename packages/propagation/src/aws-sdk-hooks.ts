import { ROOT_CONTEXT, trace, type Link, type Span } from '@opentelemetry/api';
import type {
  AwsSdkRequestCustomAttributeFunction,
  AwsSdkResponseCustomAttributeFunction,
} from '@opentelemetry/instrumentation-aws-sdk';
import type { ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';
import { withTraceAttributeNames } from './receive-attribute-names.ts';
import { findSqsMessageTrace } from './sqs-receive.ts';
import { record } from './internal/message-fields.ts';

/** Hooks for `new AwsInstrumentation({...})` that teach it this package's SQS carriers. */
export interface XRayAwsSdkHooks {
  /** Adds the `AWSTraceHeader` system attribute and trace message attributes to `ReceiveMessage`. */
  preRequestHook: AwsSdkRequestCustomAttributeFunction;
  /**
   * Links the instrumentation's `receive` span to each received message's context found by
   * `findSqsMessageTrace` (system attribute, message attribute, SNS envelope) that it has not
   * linked already — the instrumentation itself reads only message attributes.
   */
  responseHook: AwsSdkResponseCustomAttributeFunction;
}

/**
 * Hooks that make `@opentelemetry/instrumentation-aws-sdk` read `AWSTraceHeader` and SNS envelopes
 * on `ReceiveMessage`. Spread them into its config; other commands are not touched.
 * @example new AwsInstrumentation({ ...xrayAwsSdkHooks() })
 */
export function xrayAwsSdkHooks(): XRayAwsSdkHooks {
  return {
    preRequestHook: (_span, { request }) => {
      if (request.serviceName !== 'SQS' || request.commandName !== 'ReceiveMessage') return;
      Object.assign(
        request.commandInput,
        withTraceAttributeNames(request.commandInput as ReceiveMessageCommandInput),
      );
    },
    responseHook: (span, { response }) => {
      if (response.request.serviceName !== 'SQS') return;
      if (response.request.commandName !== 'ReceiveMessage') return;
      const messages = record(response.data)?.Messages;
      if (!Array.isArray(messages)) return;
      const linked = existingLinks(span);
      for (const message of messages) {
        const found = findSqsMessageTrace(message, ROOT_CONTEXT);
        const remote = found && trace.getSpanContext(found.context);
        if (remote === undefined) continue;
        const key = `${remote.traceId}-${remote.spanId}`;
        if (linked.has(key)) continue;
        linked.add(key);
        span.addLink({ context: remote });
      }
    },
  };
}

/** Links already on an SDK span (`ReadableSpan.links`); empty for spans that do not expose them. */
function existingLinks(span: Span): Set<string> {
  const links = (span as Partial<{ links: Link[] }>).links;
  const keys = new Set<string>();
  if (Array.isArray(links))
    for (const link of links) keys.add(`${link.context.traceId}-${link.context.spanId}`);
  return keys;
}
