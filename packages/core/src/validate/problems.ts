/** One reason a segment document is invalid. */
export interface DocumentProblem {
  /** JSON-pointer-like path of the offending field, e.g. `/subsegments/0/http/response/status`. */
  path: string;
  /** What is wrong, in words. */
  message: string;
}

/** Collects problems while walking a document; stops recording after `limit`. */
export class ProblemList {
  readonly items: DocumentProblem[] = [];
  readonly #limit: number;

  constructor(limit = 50) {
    this.#limit = limit;
  }

  /** Records a problem at `path`. */
  add(path: string, message: string): void {
    if (this.items.length < this.#limit) this.items.push({ path, message });
  }
}
