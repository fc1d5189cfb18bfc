// Errors of the filter language. Inside the package a syntax or compile problem is thrown as a
// FilterSyntaxError and caught at the public boundary, which returns it as a FilterError value.

/** Why an expression could not be compiled. */
export interface FilterError {
  /** Human-readable reason, ending with "at position N" (e.g. `expected a string after CONTAINS at position 17`). */
  message: string;
  /** 0-based character offset in the expression where the problem was found (its length at the end of input). */
  position: number;
}

/** Internal: carries a FilterError up through the recursive parser and compiler. */
export class FilterSyntaxError extends Error {
  /** The message without its "at position N" suffix. */
  readonly reason: string;
  readonly position: number;
  constructor(reason: string, position: number) {
    super(`${reason} at position ${position}`);
    this.reason = reason;
    this.position = position;
  }
}

/** Throws a FilterSyntaxError for `reason` at `position`. */
export function fail(reason: string, position: number): never {
  throw new FilterSyntaxError(reason, position);
}

/** Converts anything caught at the public boundary into a FilterError. */
export function toFilterError(err: unknown): FilterError {
  if (err instanceof FilterSyntaxError) return { message: err.message, position: err.position };
  // A RangeError here means a bug slipped past the depth guard; report it instead of throwing.
  const reason = err instanceof Error ? err.message : String(err);
  return {
    message: `internal error while compiling the filter: ${reason} at position 0`,
    position: 0,
  };
}
