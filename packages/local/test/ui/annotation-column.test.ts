import { describe, expect, it } from 'vitest';
import { annotationKeys, annotationText } from '../../src/ui/lib/annotation-column.ts';

describe('annotation column', () => {
  describe('annotationKeys', () => {
    it('lists every key present once, sorted', () => {
      expect(
        annotationKeys([
          { Annotations: { order_id: [], tier: [] } },
          {},
          { Annotations: { attempt: [], order_id: [] } },
        ]),
      ).toEqual(['attempt', 'order_id', 'tier']);
    });
  });

  describe('annotationText', () => {
    it('joins string, number and boolean values and is empty when absent', () => {
      const t = {
        Annotations: {
          k: [
            { AnnotationValue: { StringValue: 'o-1' } },
            { AnnotationValue: { NumberValue: 3 } },
            { AnnotationValue: { BooleanValue: false } },
            {},
          ],
        },
      };
      expect(annotationText(t, 'k')).toBe('o-1, 3, false');
      expect(annotationText(t, 'other')).toBe('');
    });
  });
});
