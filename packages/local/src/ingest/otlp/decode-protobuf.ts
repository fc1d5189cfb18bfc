import type { OtlpAttributes, OtlpResourceSpans, OtlpSpan, OtlpValue } from './otlp-model.ts';
import { ProtoReader, ProtobufError } from './protobuf-reader.ts';

const MAX_DEPTH = 32;

/**
 * Decodes a protobuf `ExportTraceServiceRequest` (opentelemetry-proto collector/trace/v1).
 * Unknown fields are skipped; malformed input throws {@link ProtobufError}.
 */
export function decodeProtobufTraces(buf: Uint8Array): OtlpResourceSpans[] {
  return decodeExportRequest(buf, resourceSpans);
}

/** The repeated field 1 of an OTLP export request (resource spans, resource logs), each decoded. */
export function decodeExportRequest<T>(buf: Uint8Array, decode: (r: ProtoReader) => T): T[] {
  const out: T[] = [];
  const r = new ProtoReader(buf);
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) out.push(decode(r.sub()));
    else r.skip(wire);
  }
  return out;
}

/** A `Resource` message: its attributes into `into`. */
export function resourceAttributes(r: ProtoReader, into: OtlpAttributes): void {
  while (r.more()) {
    const t = r.tag();
    if (t.field === 1 && t.wire === 2) keyValue(r.sub(), into, 0);
    else r.skip(t.wire);
  }
}

function resourceSpans(r: ProtoReader): OtlpResourceSpans {
  const result: OtlpResourceSpans = { resource: {}, spans: [] };
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) resourceAttributes(r.sub(), result.resource);
    else if (field === 2 && wire === 2) scopeSpans(r.sub(), result.spans);
    else r.skip(wire);
  }
  return result;
}

function scopeSpans(r: ProtoReader, spans: OtlpSpan[]): void {
  const scope: OtlpSpan['scope'] = { name: '' };
  const raw: ProtoReader[] = [];
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) {
      const s = r.sub();
      while (s.more()) {
        const t = s.tag();
        if (t.field === 1 && t.wire === 2) scope.name = s.string();
        else if (t.field === 2 && t.wire === 2) scope.version = s.string();
        else s.skip(t.wire);
      }
    } else if (field === 2 && wire === 2) raw.push(r.sub());
    else r.skip(wire);
  }
  for (const s of raw) spans.push(span(s, scope));
}

function span(r: ProtoReader, scope: OtlpSpan['scope']): OtlpSpan {
  const s: OtlpSpan = {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    name: '',
    kind: 0,
    startNs: 0n,
    endNs: 0n,
    attributes: {},
    events: [],
    links: [],
    status: { code: 0 },
    scope,
  };
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) s.traceId = hex(r.bytes());
    else if (field === 2 && wire === 2) s.spanId = hex(r.bytes());
    else if (field === 4 && wire === 2) s.parentSpanId = hex(r.bytes());
    else if (field === 5 && wire === 2) s.name = r.string();
    else if (field === 6 && wire === 0) s.kind = r.uint();
    else if (field === 7 && wire === 1) s.startNs = r.fixed64();
    else if (field === 8 && wire === 1) s.endNs = r.fixed64();
    else if (field === 9 && wire === 2) keyValue(r.sub(), s.attributes, 0);
    else if (field === 11 && wire === 2) s.events.push(event(r.sub()));
    else if (field === 13 && wire === 2) s.links.push(link(r.sub()));
    else if (field === 15 && wire === 2) s.status = status(r.sub());
    else r.skip(wire);
  }
  return s;
}

function event(r: ProtoReader): OtlpSpan['events'][number] {
  const e: OtlpSpan['events'][number] = { timeNs: 0n, name: '', attributes: {} };
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 1) e.timeNs = r.fixed64();
    else if (field === 2 && wire === 2) e.name = r.string();
    else if (field === 3 && wire === 2) keyValue(r.sub(), e.attributes, 0);
    else r.skip(wire);
  }
  return e;
}

function link(r: ProtoReader): OtlpSpan['links'][number] {
  const l: OtlpSpan['links'][number] = { traceId: '', spanId: '', attributes: {} };
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) l.traceId = hex(r.bytes());
    else if (field === 2 && wire === 2) l.spanId = hex(r.bytes());
    else if (field === 4 && wire === 2) keyValue(r.sub(), l.attributes, 0);
    else r.skip(wire);
  }
  return l;
}

function status(r: ProtoReader): OtlpSpan['status'] {
  const st: OtlpSpan['status'] = { code: 0 };
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 2 && wire === 2) st.message = r.string();
    else if (field === 3 && wire === 0) st.code = r.uint();
    else r.skip(wire);
  }
  return st;
}

/** Reads one `KeyValue` into `into`; values nested deeper than 32 levels throw. */
export function keyValue(r: ProtoReader, into: OtlpAttributes, depth: number): void {
  let key = '';
  let value: OtlpValue;
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) key = r.string();
    else if (field === 2 && wire === 2) value = anyValue(r.sub(), depth + 1);
    else r.skip(wire);
  }
  into[key] = value;
}

/** Reads one `AnyValue`; values nested deeper than 32 levels throw. */
export function anyValue(r: ProtoReader, depth: number): OtlpValue {
  if (depth > MAX_DEPTH) throw new ProtobufError('attribute values nested too deeply');
  let value: OtlpValue;
  while (r.more()) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 2) value = r.string();
    else if (field === 2 && wire === 0) value = r.varint() !== 0n;
    else if (field === 3 && wire === 0) value = int64(r.varint());
    else if (field === 4 && wire === 1) value = r.double();
    else if (field === 5 && wire === 2) {
      const list: OtlpValue[] = [];
      const a = r.sub();
      while (a.more()) {
        const t = a.tag();
        if (t.field === 1 && t.wire === 2) list.push(anyValue(a.sub(), depth + 1));
        else a.skip(t.wire);
      }
      value = list;
    } else if (field === 6 && wire === 2) {
      const obj: OtlpAttributes = {};
      const k = r.sub();
      while (k.more()) {
        const t = k.tag();
        // keyValue adds the level: a kvlist counts once, as in decode-json.ts
        if (t.field === 1 && t.wire === 2) keyValue(k.sub(), obj, depth);
        else k.skip(t.wire);
      }
      value = obj;
    } else if (field === 7 && wire === 2) value = r.bytes().slice();
    else r.skip(wire);
  }
  return value;
}

function int64(v: bigint): number | bigint {
  const signed = v >= 0x8000_0000_0000_0000n ? v - 0x1_0000_0000_0000_0000n : v;
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(signed)
    : signed;
}

/** Bytes as lowercase hex (trace and span IDs). */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}
