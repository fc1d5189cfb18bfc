// Seeded, reproducible generator of X-Amzn-Trace-Id values for the differential test: valid
// headers in every shape real senders use, near-valid ones (one mutation away), and garbage.

/** mulberry32: small, fast, seeded PRNG (not for security — for reproducible test inputs). */
export class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }
}

const SPACES = [' ', '  ', '\t', '\u00a0', ' \t'];
const SAMPLED = ['0', '1', '?', '1', '1', '0'];
const BAD_SAMPLED = ['', '2', 'true', '01', ' ', 'yes'];
const PREFIXED = ['RootX', 'Roots', 'Parent2', 'ParentId', 'SampledFlag', 'Sampled_'];
const GARBAGE_ALPHABET = 'Root=Parent;Sampled-1?0 \tabcdef0123456789;;==\u00a0é\u0000';

function traceId(r: Rng): string {
  const id = `1-${r.hex(8)}-${r.hex(24)}`;
  if (r.chance(0.01)) return '1-00000000-000000000000000000000000';
  if (r.chance(0.03)) return id.slice(0, 2) + id.slice(3); // short epoch
  return id;
}

function spanId(r: Rng): string {
  if (r.chance(0.01)) return '0000000000000000';
  if (r.chance(0.02)) return r.hex(15);
  return r.hex(16);
}

function key(r: Rng, canonical: string): string {
  if (r.chance(0.04)) return canonical.toLowerCase();
  if (r.chance(0.02)) return canonical.toUpperCase();
  return canonical;
}

function field(r: Rng, k: string, v: string): string {
  let value = r.chance(0.04) ? v.toUpperCase() : v;
  if (r.chance(0.04)) value = r.pick(SPACES) + value;
  if (r.chance(0.04)) value += r.pick(SPACES);
  let name = k;
  if (r.chance(0.03)) name += r.pick(SPACES);
  if (r.chance(0.05)) name = r.pick(SPACES) + name;
  return `${name}=${value}`;
}

/** A header as a real sender might write it, with the variations receivers must tolerate. */
export function validHeader(r: Rng): string {
  const parts: string[] = [];
  if (r.chance(0.95)) parts.push(field(r, key(r, 'Root'), traceId(r)));
  if (r.chance(0.9)) parts.push(field(r, key(r, 'Parent'), spanId(r)));
  if (r.chance(0.85))
    parts.push(field(r, key(r, 'Sampled'), r.chance(0.03) ? r.pick(BAD_SAMPLED) : r.pick(SAMPLED)));
  if (r.chance(0.2)) parts.push(`Lineage=${r.hex(8)}:${r.int(5)}`);
  if (r.chance(0.15)) parts.push(`Self=1-${r.hex(8)}-${r.hex(r.chance(0.5) ? 24 : 23)}`);
  for (let i = r.int(3); i > 0; i--) parts.push(`X${r.hex(2)}=${r.hex(r.int(6))}`);
  if (r.chance(0.04)) parts.push(`${r.pick(PREFIXED)}=${r.pick(['1', traceId(r), spanId(r)])}`);
  if (r.chance(0.02)) parts.push(r.pick(['Root', 'Parent', 'Sampled']));
  if (r.chance(0.05)) parts.push(parts[r.int(parts.length)] ?? '');
  if (r.chance(0.3)) shuffle(r, parts);
  if (r.chance(0.05)) parts.splice(r.int(parts.length + 1), 0, '');
  if (r.chance(0.01)) for (let i = 0; i < 40; i++) parts.push(`k${i}=v`);
  if (r.chance(0.005)) parts.push(`Pad=${'p'.repeat(4200)}`);
  let header = parts.join(r.chance(0.9) ? ';' : r.pick(['; ', ' ;', ';;']));
  if (r.chance(0.1)) header += ';';
  if (r.chance(0.05)) header = r.pick(SPACES) + header;
  return header;
}

/** A valid header with one random edit: a character deleted, inserted, replaced, or a cut. */
export function nearValidHeader(r: Rng): string {
  const base = validHeader(r);
  const at = r.int(base.length + 1);
  switch (r.int(5)) {
    case 0:
      return base.slice(0, at) + base.slice(at + 1);
    case 1:
      return base.slice(0, at) + r.pick(GARBAGE_ALPHABET.split('')) + base.slice(at);
    case 2:
      return base.slice(0, at) + r.pick(GARBAGE_ALPHABET.split('')) + base.slice(at + 1);
    case 3:
      return base.slice(0, at);
    default:
      return base.slice(0, at) + base.slice(at).replace(/[a-f]/, (c) => c.toUpperCase());
  }
}

/** Random characters, biased toward the header's own alphabet. */
export function garbageHeader(r: Rng): string {
  const length = r.chance(0.01) ? 5000 + r.int(5000) : r.int(120);
  let s = '';
  for (let i = 0; i < length; i++)
    s += r.chance(0.9) ? r.pick(GARBAGE_ALPHABET.split('')) : String.fromCharCode(r.int(0x3000));
  return s;
}

/** The i-th header of a run: 60% valid, 30% near-valid, 10% garbage. */
export function fuzzHeader(r: Rng): string {
  const kind = r.int(10);
  if (kind < 6) return validHeader(r);
  if (kind < 9) return nearValidHeader(r);
  return garbageHeader(r);
}

function shuffle<T>(r: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
