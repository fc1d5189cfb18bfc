import { describe, expect, it } from 'vitest';
import { isBrowserSimpleType, mediaTypeEssence } from '../../src/http/media-type.ts';

describe('media-type', () => {
  describe('mediaTypeEssence', () => {
    it('drops parameters and whitespace and lower-cases', () => {
      expect(mediaTypeEssence('application/json')).toBe('application/json');
      expect(mediaTypeEssence(' Text/Plain ; charset=UTF-8')).toBe('text/plain');
      expect(mediaTypeEssence('\tMULTIPART/FORM-DATA;boundary=x')).toBe('multipart/form-data');
      expect(mediaTypeEssence('application/x-www-form-urlencoded;')).toBe(
        'application/x-www-form-urlencoded',
      );
      expect(mediaTypeEssence(['text/plain', 'application/json'])).toBe('text/plain');
    });

    it('is undefined for an absent or empty header', () => {
      expect(mediaTypeEssence(undefined)).toBeUndefined();
      expect(mediaTypeEssence('')).toBeUndefined();
      expect(mediaTypeEssence(' ; charset=utf-8')).toBeUndefined();
    });
  });

  describe('isBrowserSimpleType', () => {
    it('is true for the three types a browser sends cross-site without a preflight', () => {
      for (const t of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])
        expect(isBrowserSimpleType(t), t).toBe(true);
    });

    it('is false for the types real clients send, and for none', () => {
      for (const t of [
        'application/json',
        'application/x-protobuf',
        'application/x-amz-json-1.1',
        'text/plain2',
        'text/html',
        undefined,
      ])
        expect(isBrowserSimpleType(t), String(t)).toBe(false);
    });
  });
});
