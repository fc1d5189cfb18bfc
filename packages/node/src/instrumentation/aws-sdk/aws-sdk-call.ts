import type { Attributes, Context, Span, SpanKind } from '@opentelemetry/api';

/** One AWS SDK v3 command being sent, as the service extensions see it. */
export interface AwsSdkCall {
  /** The client's `serviceId` without spaces (`SQS`, `SecretsManager`), as `rpc.service`. */
  service: string;
  /** The command name without its `Command` suffix (`SendMessage`), as `rpc.method`. */
  command: string;
  /** The command's input object — the application's own: extensions edit it in place, as the
   *  OpenTelemetry instrumentation does. */
  input: Record<string, unknown>;
  /** The span kind an extension chose (CLIENT unless it says otherwise). */
  kind: SpanKind;
}

/** The `$metadata` of an SDK output or error. */
export interface ResponseMetadata {
  requestId?: string;
  extendedRequestId?: string;
  httpStatusCode?: number;
}

/**
 * What one AWS service adds to its SDK spans — the same per-service rules as
 * `@opentelemetry/instrumentation-aws-sdk`'s service extensions.
 */
export interface ServiceExtension {
  /** Adds the service's attributes to `attributes`, may set `call.kind`, may edit the input
   *  (SQS `ReceiveMessage`); returns the span name, or `undefined` for `Service.Command`. */
  start(call: AwsSdkCall, attributes: Attributes): string | undefined;
  /** Writes the trace context of `context` (the SDK span's) into the request input. */
  inject?(call: AwsSdkCall, context: Context): void;
  /** Attributes (and links) from a successful output. */
  respond?(call: AwsSdkCall, span: Span, output: Record<string, unknown>, requestId: unknown): void;
}
