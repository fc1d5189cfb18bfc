import { diag, propagation, type Context } from '@opentelemetry/api';
import type { ServiceExtension } from '../aws-sdk-call.ts';

/** Lambda refuses a `ClientContext` longer than this (base64). */
const MAX_CLIENT_CONTEXT_LENGTH = 3583;

/**
 * Lambda: `<function> Invoke` with `faas.invoked_name`/`faas.invoked_provider`, the trace context
 * in the `ClientContext`'s `custom` map, `faas.execution` = the request id.
 * `faas.invoked_region` is never set: the OpenTelemetry instrumentation reads the region before it
 * has resolved it, so it never sets it either.
 */
export const lambdaExtension: ServiceExtension = {
  start(call, attributes) {
    if (call.command !== 'Invoke') return undefined;
    const name = call.input.FunctionName as string | undefined;
    if (name !== undefined) attributes['faas.invoked_name'] = name;
    attributes['faas.invoked_provider'] = 'aws';
    return `${String(name)} Invoke`;
  },
  inject(call, context) {
    if (call.command !== 'Invoke') return;
    call.input.ClientContext = withTraceClientContext(
      call.input.ClientContext as string | undefined,
      context,
    );
  },
  respond(call, span, _output, requestId) {
    if (call.command === 'Invoke' && requestId !== undefined)
      span.setAttribute('faas.execution', requestId);
  },
};

/**
 * The base64 `ClientContext` with the propagator's fields merged into its `custom` map; the
 * original value when it cannot be parsed or the result would be too long.
 */
export function withTraceClientContext(
  clientContext: string | undefined,
  context: Context,
): string | undefined {
  try {
    const fields: Record<string, string> = {};
    propagation.inject(context, fields);
    const parsed = (
      clientContext ? JSON.parse(Buffer.from(clientContext, 'base64').toString('utf8')) : {}
    ) as { custom?: Record<string, unknown> };
    const encoded = Buffer.from(
      JSON.stringify({ ...parsed, custom: { ...parsed.custom, ...fields } }),
    ).toString('base64');
    if (encoded.length > MAX_CLIENT_CONTEXT_LENGTH) {
      diag.warn(
        'lambda instrumentation: cannot set context propagation on lambda invoke parameters due to ClientContext length limitations.',
      );
      return clientContext;
    }
    return encoded;
  } catch (error) {
    diag.debug('lambda instrumentation: failed to set context propagation on ClientContext', error);
    return clientContext;
  }
}
