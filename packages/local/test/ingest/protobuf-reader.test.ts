import { describe, expect, it } from 'vitest';
import { decodeProtobufTraces } from '../../src/ingest/otlp/decode-protobuf.ts';
import { ProtoReader, ProtobufError } from '../../src/ingest/otlp/protobuf-reader.ts';

describe('ProtoReader', () => {
  describe('varint', () => {
    it('reads multi-byte and 64-bit values', () => {
      expect(new ProtoReader(Uint8Array.from([0xac, 0x02])).varint()).toBe(300n);
      const max = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
      expect(new ProtoReader(max).varint()).toBe(0xffff_ffff_ffff_ffffn);
    });

    it('throws on truncation and overlong input', () => {
      expect(() => new ProtoReader(Uint8Array.from([0x80])).varint()).toThrow(ProtobufError);
      expect(() => new ProtoReader(new Uint8Array(11).fill(0x80)).varint()).toThrow(ProtobufError);
    });
  });

  describe('length-delimited fields', () => {
    it('refuses a length past the end', () => {
      expect(() => new ProtoReader(Uint8Array.from([0x05, 0x01])).bytes()).toThrow(ProtobufError);
    });
  });
});

describe('decodeProtobufTraces', () => {
  describe('input', () => {
    it('decodes an empty request as no spans and skips unknown fields', () => {
      expect(decodeProtobufTraces(new Uint8Array())).toEqual([]);
      expect(decodeProtobufTraces(Uint8Array.from([0x10, 0x01]))).toEqual([]);
    });

    it('throws ProtobufError for garbage', () => {
      expect(() => decodeProtobufTraces(Uint8Array.from([0x0a, 0x09, 0x01]))).toThrow(
        ProtobufError,
      );
      expect(() => decodeProtobufTraces(Uint8Array.from([0x0b]))).toThrow(ProtobufError);
    });
  });
});
