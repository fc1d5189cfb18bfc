import { FIELD_VALUE, TOKEN } from './internal/header-chars.ts';
import type { TraceHeader } from './trace-header.ts';

/** Budget for unknown fields when formatting (key + value + separators), as the X-Ray SDK for Node. */
export const MAX_EXTRA_FIELDS_LENGTH = 256;

/** Options of {@link formatTraceHeader}. */
export interface FormatTraceHeaderOptions {
  /** Emit `Self` (default false: SDKs do not re-emit ALB's field). */
  includeSelf?: boolean;
  /** Unknown fields that would push their total (`;key=value` each) past this are dropped (default {@link MAX_EXTRA_FIELDS_LENGTH}). */
  maxExtraLength?: number;
}

/**
 * Writes the canonical form `Root=…;Parent=…;Sampled=…;Lineage=…` (exact key case, no spaces,
 * no trailing `;`), followed by unknown fields in their original order. Fields that could not
 * come out of {@link parseTraceHeader} (a key that is not a token, a value with `;` or control
 * characters, a known key among the extras) are skipped, so the result always parses back.
 * @example formatTraceHeader({ root: '1-5759e988-bd862e3fe1be46a994272793', sampled: '?', extra: [] }) // 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=?'
 */
export function formatTraceHeader(
  header: Partial<TraceHeader>,
  options: FormatTraceHeaderOptions = {},
): string {
  let out = '';
  if (header.root) out = `Root=${header.root}`;
  if (header.parent) out += `${out ? ';' : ''}Parent=${header.parent}`;
  if (header.sampled) out += `${out ? ';' : ''}Sampled=${header.sampled}`;
  if (header.self && options.includeSelf) out += `${out ? ';' : ''}Self=${header.self}`;
  if (header.lineage && isFieldValue(header.lineage))
    out += `${out ? ';' : ''}Lineage=${header.lineage}`;
  const extra = header.extra;
  if (extra === undefined || extra.length === 0) return out;
  let budget = options.maxExtraLength ?? MAX_EXTRA_FIELDS_LENGTH;
  for (const [key, val] of extra) {
    const size = key.length + val.length + 2;
    if (size > budget || !isExtraKey(key) || !isFieldValue(val)) continue;
    budget -= size;
    out += `${out ? ';' : ''}${key}=${val}`;
  }
  return out;
}

const KNOWN_KEYS = new Set(['root', 'parent', 'sampled', 'self', 'lineage']);

function isExtraKey(key: string): boolean {
  return TOKEN.test(key) && !KNOWN_KEYS.has(key.toLowerCase());
}

function isFieldValue(val: string): boolean {
  return FIELD_VALUE.test(val) && !val.includes(';') && val.trim() === val;
}
