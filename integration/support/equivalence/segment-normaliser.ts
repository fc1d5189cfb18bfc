// The one normaliser of the equivalence test: a segment document with the values that must differ
// between two runs of the same traffic replaced by named placeholders. Strict on purpose — it
// rewrites values, never removes a field, and each rule fires only on a value of the expected shape
// (an `id` that is not 16 hex digits stays as it is, and so shows up in the diff).
//
// | value                                   | where                          | becomes                  |
// |-----------------------------------------|--------------------------------|--------------------------|
// | segment / subsegment ID (16 hex)        | `id`, `parent_id`, `links[].id`| `<id TRACE › PATH>`      |
// | exception ID (16 hex)                   | `cause.exceptions[].id`        | `<exception TRACE › PATH #i>` |
// | X-Ray trace ID `1-8hex-24hex`           | anywhere, also inside strings  | `<trace TRACE>`          |
// | epoch seconds                           | `start_time`, `end_time`       | `<time>`                 |
// | ISO-8601 instant                        | any string                     | `<iso-time>`             |
// | order ID of this run                    | any string                     | `<order LABEL>`          |
// | any other UUID (message, request IDs)   | any string                     | `<uuid>`                 |
// | this run's resource-name prefix         | any string (queue URLs, ARNs)  | `<prefix>`               |
// | the orders service's port               | `host:port` in strings, `*.port` numbers | `<orders-port>` |
// | an ephemeral client port (≥ 1024)       | `*.port` numbers               | `<client-port>`          |
//
// TRACE is the trace's pairing key and PATH the entity's position in its tree (see trace-tree.ts),
// so a reference keeps its meaning: a parent ID must point at the same place in both runs. An ID
// the run does not hold (a caller's parent, the unsampled root) becomes `outside the run`.

/** What one run's per-run values are. */
export interface RunValues {
  /** Order ID → what the order stands for (`happy`, `poison`, …). */
  orders: ReadonlyMap<string, string>;
  /** Trace ID of a request the traffic made → what the request stands for. */
  requests: ReadonlyMap<string, string>;
  /** Prefix of this run's topic and queue names. */
  prefix: string;
  /** Port of the orders service. */
  ordersPort: number;
}

/** Names for the IDs of one run: each entity's and exception's place, each trace's key. */
export interface IdNames {
  /** `TRACE › PATH` of a segment or subsegment ID, if the run holds it. */
  entity(id: string): string | undefined;
  /** `TRACE › PATH #i` of an exception ID. */
  exception(id: string): string | undefined;
  /** The key of a trace ID. */
  trace(id: string): string | undefined;
}

const HEX16 = /^[0-9a-f]{16}$/;
const TRACE_ID = /\b1-[0-9a-f]{8}-[0-9a-f]{24}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ISO_TIME = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g;
const ID_KEYS = new Set(['id', 'parent_id']);
const TIME_KEYS = new Set(['start_time', 'end_time']);

/**
 * `value` (a segment document or any part of one) with this run's values replaced; `path` is
 * the key path from the document's root (`['cause', 'exceptions', 0, 'id']`).
 */
export function normaliseValue(
  value: unknown,
  run: RunValues,
  names: IdNames,
  path: readonly (string | number)[] = [],
): unknown {
  const key = path.at(-1);
  if (Array.isArray(value))
    return value.map((item, i) => normaliseValue(item, run, names, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = normaliseValue(v, run, names, [...path, k]);
    return out;
  }
  if (typeof value === 'number') {
    if (typeof key === 'string' && TIME_KEYS.has(key) && value > 1e9) return '<time>';
    if (typeof key === 'string' && /(^|\.)port$/.test(key) && Number.isInteger(value)) {
      if (value === run.ordersPort) return '<orders-port>';
      if (value >= 1024) return '<client-port>';
    }
    return value;
  }
  if (typeof value !== 'string') return value;
  if (HEX16.test(value)) {
    if (path.at(-3) === 'exceptions' && key === 'id')
      return `<exception ${names.exception(value) ?? 'outside the run'}>`;
    if (typeof key === 'string' && ID_KEYS.has(key))
      return `<id ${names.entity(value) ?? 'outside the run'}>`;
  }
  return normaliseText(value, run, names);
}

/** A string with the per-run values inside it replaced (URLs, ARNs, headers, free text). */
export function normaliseText(text: string, run: RunValues, names: IdNames): string {
  return text
    .replace(TRACE_ID, (id) => `<trace ${names.trace(id) ?? 'outside the run'}>`)
    .replace(ISO_TIME, '<iso-time>')
    .replace(UUID, (id) => {
      const label = run.orders.get(id.toLowerCase());
      return label === undefined ? '<uuid>' : `<order ${label}>`;
    })
    .replaceAll(run.prefix, '<prefix>')
    .replace(new RegExp(`(?<=:)${run.ordersPort}(?!\\d)`, 'g'), '<orders-port>');
}
