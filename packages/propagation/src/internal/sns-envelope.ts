import { record } from './message-fields.ts';

/** Bodies longer than this are not parsed (SQS messages are at most 1 MiB). */
const MAX_BODY_LENGTH = 1024 * 1024;

/**
 * The `MessageAttributes` of an SNS notification envelope (non-raw delivery to SQS), or
 * `undefined` when the body is not one. Cheap checks run before `JSON.parse`; bad JSON is caught.
 */
export function snsEnvelopeAttributes(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'string' || body.length > MAX_BODY_LENGTH) return undefined;
  if (!body.includes('"MessageAttributes"') || !body.includes('"Notification"')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const envelope = record(parsed);
  if (envelope?.Type !== 'Notification') return undefined;
  return record(envelope.MessageAttributes);
}
