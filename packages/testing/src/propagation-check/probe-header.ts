// Distinct, valid X-Ray trace headers for the propagation probe, and how to recognise them on
// arrival (pure: the random bytes and the clock come from the caller).

/** `Root=1-<epoch>-<24 hex>;Parent=<16 hex>;Sampled=1` from 20 random bytes and epoch seconds. */
export function probeTraceHeader(random: Uint8Array, epochSeconds: number): string {
  const hex = Buffer.from(random).toString('hex').padEnd(40, '0');
  const epoch = Math.floor(epochSeconds).toString(16).padStart(8, '0').slice(-8);
  return `Root=1-${epoch}-${hex.slice(0, 24)};Parent=${hex.slice(24, 40)};Sampled=1`;
}

/** True when `received` carries the same Root and Parent as `sent` (field order and extra fields may differ). */
export function sameTraceHeader(sent: string, received: string | undefined): boolean {
  if (received === undefined) return false;
  const a = rootAndParent(sent);
  const b = rootAndParent(received);
  return a !== undefined && a === b;
}

function rootAndParent(header: string): string | undefined {
  const fields = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const root = fields.get('root');
  const parent = fields.get('parent');
  return root && parent ? `${root.toLowerCase()}/${parent.toLowerCase()}` : undefined;
}
