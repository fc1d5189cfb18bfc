// Rough character count of an attribute value, for the cheap 64 KB pre-check.

/** Characters a value contributes to JSON (strings by length, scalars 24, arrays/maps summed). */
export function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 24;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) n += textSize(item) + 8;
    return n;
  }
  if (value instanceof Uint8Array) return value.length * 2;
  for (const key of Object.keys(value))
    n += key.length + 8 + textSize((value as Record<string, unknown>)[key]);
  return n;
}

/** Characters of the keys and values of an attribute map (keys with their values, in order). */
export function attributesChars(keys: readonly string[], values: readonly unknown[]): number {
  let n = 0;
  for (let k = 0; k < keys.length; k++) n += (keys[k] as string).length + textSize(values[k]);
  return n;
}
