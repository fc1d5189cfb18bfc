import { describe, expect, it } from 'vitest';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import { ExportTicket } from '../src/internal/export-ticket.ts';

describe('ExportTicket', () => {
  describe('settle', () => {
    it('calls back SUCCESS once after the last delivered document', () => {
      const results: ExportResult[] = [];
      const ticket = new ExportTicket(2, 0, (result) => results.push(result));
      ticket.settle(true);
      expect(results).toEqual([]);
      ticket.settle(true);
      ticket.settle(true);
      expect(results).toEqual([{ code: ExportResultCode.SUCCESS }]);
    });

    it('calls back FAILED when a document was lost', () => {
      const results: ExportResult[] = [];
      const ticket = new ExportTicket(2, 0, (result) => results.push(result));
      ticket.settle(false);
      ticket.settle(true);
      expect(results).toHaveLength(1);
      expect(results[0]!.code).toBe(ExportResultCode.FAILED);
      expect(results[0]!.error?.message).toContain('1 document(s)');
    });
  });

  describe('construction', () => {
    it('calls back at once when nothing is pending', () => {
      const results: ExportResult[] = [];
      new ExportTicket(0, 0, (result) => results.push(result));
      new ExportTicket(0, 2, (result) => results.push(result));
      expect(results.map((r) => r.code)).toEqual([
        ExportResultCode.SUCCESS,
        ExportResultCode.FAILED,
      ]);
    });

    it('survives a throwing callback', () => {
      const ticket = new ExportTicket(1, 0, () => {
        throw new Error('app bug');
      });
      expect(() => ticket.settle(true)).not.toThrow();
    });
  });
});
