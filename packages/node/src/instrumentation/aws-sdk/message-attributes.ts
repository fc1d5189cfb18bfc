// Trace context in SQS/SNS message attributes, as @opentelemetry/instrumentation-aws-sdk writes and
// reads it: every field of the global propagator as a `String` attribute, within SQS's limit of
// 10 attributes per message; read back from `MessageAttributes` or an SNS envelope's body.
import {
  diag,
  propagation,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';

/** SQS and SNS accept at most 10 message attributes. */
const MAX_MESSAGE_ATTRIBUTES = 10;

type MessageAttributes = Record<string, unknown>;

const setter: TextMapSetter<MessageAttributes> = {
  set(carrier, key, value) {
    carrier[key] = { DataType: 'String', StringValue: value };
  },
};

/** Reads `StringValue` (SQS) or `Value` (an SNS envelope). */
export const messageAttributeGetter: TextMapGetter<MessageAttributes | undefined> = {
  keys(carrier) {
    return carrier == null ? [] : Object.keys(carrier);
  },
  get(carrier, key) {
    const entry = carrier?.[key] as { StringValue?: string; Value?: string } | undefined;
    return entry?.StringValue || entry?.Value;
  },
};

/**
 * `attributes` (or a new map) with the propagator's fields for `context` added — unless the
 * fields would not fit beside the attributes already there (warned, nothing added).
 */
export function injectMessageAttributes(
  attributes: MessageAttributes | undefined,
  context: Context,
): MessageAttributes {
  const out = attributes ?? {};
  if (Object.keys(out).length + propagation.fields().length <= MAX_MESSAGE_ATTRIBUTES)
    propagation.inject(context, out, setter);
  else
    diag.warn(
      'aws-sdk instrumentation: cannot set context propagation on SQS/SNS message due to maximum amount of MessageAttributes',
    );
  return out;
}

/** `names` with the propagator's fields added (the fields alone when `names` is empty). */
export function withPropagationFields(names: unknown): string[] {
  const fields = propagation.fields();
  if (!Array.isArray(names) || names.length === 0) return fields;
  return Array.from(new Set([...(names as string[]), ...fields]));
}

/**
 * Where a received message carries its context: its `MessageAttributes` when one of them is a
 * propagator field, else the `MessageAttributes` of the SNS envelope in its body.
 */
export function messageCarrier(message: Record<string, unknown>): MessageAttributes | undefined {
  const fields = propagation.fields();
  const attributes = message.MessageAttributes as MessageAttributes | undefined;
  if (Object.keys(attributes ?? {}).some((name) => fields.includes(name))) return attributes;
  if (!message.Body) return undefined;
  try {
    return (JSON.parse(message.Body as string) as { MessageAttributes?: MessageAttributes })
      .MessageAttributes;
  } catch {
    diag.debug('aws-sdk instrumentation: SQS body is not JSON; no context from its payload');
    return undefined;
  }
}
