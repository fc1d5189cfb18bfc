// Filter-expression errors from GetTraceSummaries: find the position the message points at, so
// the UI can underline it in the filter box.

/** A filter error: the server's message and, when it names one, a 0-based character position. */
export interface FilterError {
  message: string;
  position: number | undefined;
}

const POSITION = /\b(?:position|pos|offset|column|col|character|char|index)\s*:?\s*(\d+)/i;

/**
 * Reads the position out of messages such as `Unexpected token ")" at position 7` or
 * `… (column 8)`. `column` is taken as 1-based, the others as 0-based. The position is clamped
 * to the expression's length.
 */
export function parseFilterError(message: string, expression: string): FilterError {
  const match = POSITION.exec(message);
  if (match === null || match[1] === undefined) return { message, position: undefined };
  const raw = Number(match[1]);
  const oneBased = /^col/i.test(match[0]);
  const position = Math.min(Math.max(oneBased ? raw - 1 : raw, 0), expression.length);
  return { message, position };
}

/** The expression split around the error position, for highlighting. */
export function splitAtError(
  expression: string,
  position: number,
): { before: string; at: string; after: string } {
  return {
    before: expression.slice(0, position),
    at: expression.slice(position, position + 1) || ' ',
    after: expression.slice(position + 1),
  };
}
