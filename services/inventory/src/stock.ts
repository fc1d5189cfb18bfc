/** Stock on hand per SKU. Unknown SKUs are "poison": reserving them throws. */
export class Stock {
  readonly #levels: Map<string, number>;

  constructor(levels: Record<string, number>) {
    this.#levels = new Map(Object.entries(levels));
  }

  /** Checks every line; throws `UnknownSkuError` for a SKU we do not carry, `OutOfStockError` when short. */
  validate(lines: Array<{ sku: string; qty: number }>): void {
    for (const { sku, qty } of lines) {
      const level = this.#levels.get(sku);
      if (level === undefined) throw new UnknownSkuError(sku);
      if (level < qty) throw new OutOfStockError(sku, qty, level);
    }
  }

  /** Takes the quantities out of stock (call after `validate`). */
  reserve(lines: Array<{ sku: string; qty: number }>): void {
    for (const { sku, qty } of lines) this.#levels.set(sku, (this.#levels.get(sku) ?? 0) - qty);
  }
}

/** A SKU the warehouse does not carry. */
export class UnknownSkuError extends Error {
  constructor(sku: string) {
    super(`unknown SKU ${sku}`);
    this.name = 'UnknownSkuError';
  }
}

/** Not enough stock. */
export class OutOfStockError extends Error {
  constructor(sku: string, wanted: number, have: number) {
    super(`SKU ${sku}: wanted ${wanted}, have ${have}`);
    this.name = 'OutOfStockError';
  }
}
