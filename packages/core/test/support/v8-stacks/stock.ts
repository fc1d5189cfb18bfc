// TypeScript that Node runs by type stripping, as an ESM service would: the issue's
// `Stock.validate (file:///…/stock.ts:12:9)` frame comes from code like this.
export class Stock {
  readonly sku: string;

  constructor(sku: string) {
    this.sku = sku;
  }

  validate(quantity: number): void {
    if (quantity > 0) return;
    throw new RangeError(`quantity must be positive for ${this.sku}`);
  }

  static lookup(sku: string): Stock {
    if (sku.startsWith('sku-')) return new Stock(sku);
    throw new Error(`unknown sku ${sku}`);
  }
}

export class Order {
  readonly lines: Stock[];

  constructor(sku: string, quantity: number) {
    const stock = Stock.lookup(sku);
    stock.validate(quantity);
    this.lines = [stock];
  }
}

async function reserveOne(sku: string): Promise<string> {
  await Promise.resolve();
  if (sku === 'sku-sold-out') throw new Error(`${sku} is sold out`);
  return sku;
}

/** Rejects from inside `Promise.all` (frame `async Promise.all (index 1)`). */
export async function reserveAll(skus: string[]): Promise<string[]> {
  return await Promise.all(skus.map((sku) => reserveOne(sku)));
}
