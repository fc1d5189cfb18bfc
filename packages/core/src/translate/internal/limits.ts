// X-Ray limits that the collector does not enforce but that make X-Ray reject or drop data
// (spec/xray-protocol.md §4, §10; spec/xray-segment-schema.json).

/** Most string fields (http.request.*, user, sql.user). */
export const MAX_STRING = 250;
/** Annotation string values. */
export const MAX_ANNOTATION_VALUE = 1000;
/** Links per segment. */
export const MAX_LINKS = 20;

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function capString(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
