// Reading trace fields out of the message shapes SQS consumers meet: SDK v3 `Message`
// (`Attributes`, `MessageAttributes[].StringValue`, `Body`), Lambda SQS event records
// (`attributes`, `messageAttributes[].stringValue`, `body`) and SNS envelopes (`{Type, Value}`).
// Everything is `unknown` until checked: garbage gives `undefined`, never an exception.

/** Longest attribute value looked at; the trace header parser refuses longer ones anyway. */
const MAX_VALUE_LENGTH = 4096;

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A short string property, or `undefined`. */
export function stringField(obj: Record<string, unknown> | undefined, key: string) {
  const value = obj?.[key];
  return typeof value === 'string' && value.length <= MAX_VALUE_LENGTH ? value : undefined;
}

/** The string value of the message attribute named `name` (any case), in any of the three shapes. */
export function attributeValue(attributes: unknown, name: string): string | undefined {
  const map = record(attributes);
  if (map === undefined) return undefined;
  let entry = map[name];
  if (entry === undefined) {
    const lower = name.toLowerCase();
    let seen = 0;
    for (const key in map) {
      if (++seen > 100) break; // SQS allows 10 attributes; a huge map is not worth scanning
      if (key.length === name.length && key.toLowerCase() === lower) {
        entry = map[key];
        break;
      }
    }
  }
  const attr = record(entry);
  return (
    stringField(attr, 'StringValue') ??
    stringField(attr, 'stringValue') ??
    stringField(attr, 'Value')
  );
}
