/** Thrown for malformed protobuf input. */
export class ProtobufError extends Error {}

/**
 * A minimal protobuf wire-format reader (varint, fixed32/64, length-delimited), enough for the
 * OTLP trace messages. Bounds-checked: malformed input throws {@link ProtobufError}, never reads
 * past the end.
 */
export class ProtoReader {
  readonly #buf: Uint8Array;
  #pos: number;
  readonly #end: number;

  constructor(buf: Uint8Array, start = 0, end = buf.length) {
    this.#buf = buf;
    this.#pos = start;
    this.#end = end;
  }

  /** True when bytes remain. */
  more(): boolean {
    return this.#pos < this.#end;
  }

  /** Reads a field tag: field number and wire type. */
  tag(): { field: number; wire: number } {
    const t = this.uint();
    return { field: Math.floor(t / 8), wire: t % 8 };
  }

  /** Reads an unsigned varint (up to 64 bits). */
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.#pos >= this.#end) throw new ProtobufError('truncated varint');
      const byte = this.#buf[this.#pos++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result & 0xffff_ffff_ffff_ffffn;
    }
    throw new ProtobufError('varint too long');
  }

  /**
   * Reads a varint as a number (tags, enums, lengths, bools): exact up to 2^53, which every such
   * field is. Number arithmetic, not BigInt: this runs several times per field decoded.
   */
  uint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.#pos >= this.#end) throw new ProtobufError('truncated varint');
      const byte = this.#buf[this.#pos++] as number;
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new ProtobufError('varint too long');
  }

  /** Reads a fixed64 as an unsigned bigint. */
  fixed64(): bigint {
    const lo = BigInt(this.fixed32());
    const hi = BigInt(this.fixed32());
    return (hi << 32n) | lo;
  }

  /** Reads a fixed32. */
  fixed32(): number {
    if (this.#pos + 4 > this.#end) throw new ProtobufError('truncated fixed32');
    const b = this.#buf;
    const p = this.#pos;
    this.#pos += 4;
    return (
      ((b[p] as number) | ((b[p + 1] as number) << 8) | ((b[p + 2] as number) << 16)) +
      (b[p + 3] as number) * 0x1000000
    );
  }

  /** Reads a double. */
  double(): number {
    if (this.#pos + 8 > this.#end) throw new ProtobufError('truncated double');
    const v = Buffer.from(this.#buf.buffer, this.#buf.byteOffset + this.#pos, 8).readDoubleLE(0);
    this.#pos += 8;
    return v;
  }

  /** Reads a length-delimited field as a sub-reader. */
  sub(): ProtoReader {
    const len = this.uint();
    if (len < 0 || this.#pos + len > this.#end) throw new ProtobufError('length past the end');
    const r = new ProtoReader(this.#buf, this.#pos, this.#pos + len);
    this.#pos += len;
    return r;
  }

  /** Reads a length-delimited field as bytes. */
  bytes(): Uint8Array {
    const len = this.uint();
    if (len < 0 || this.#pos + len > this.#end) throw new ProtobufError('length past the end');
    const out = this.#buf.subarray(this.#pos, this.#pos + len);
    this.#pos += len;
    return out;
  }

  /** Reads a string field (decoded in place, without copying the bytes first). */
  string(): string {
    const b = this.bytes();
    return Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8');
  }

  /** Skips a field of the given wire type. */
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.#advance(8);
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.#advance(4);
    else throw new ProtobufError(`unsupported wire type ${wire}`);
  }

  #advance(n: number): void {
    if (this.#pos + n > this.#end) throw new ProtobufError('truncated field');
    this.#pos += n;
  }
}
