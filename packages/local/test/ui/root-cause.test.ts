import { describe, expect, it } from 'vitest';
import { formatRootCause, rootCauseOf } from '../../src/ui/lib/root-cause.ts';

describe('root cause', () => {
  describe('rootCauseOf', () => {
    it('names the service, the deepest entity and its exception', () => {
      const cause = rootCauseOf({
        FaultRootCauses: [
          {
            Services: [
              {
                Name: 'shipping',
                EntityPath: [
                  { Name: 'shipping', Exceptions: [] },
                  {
                    Name: 'POST carrier',
                    Exceptions: [{ Name: 'CarrierDown', Message: 'no route' }],
                  },
                ],
              },
            ],
            ClientImpacting: false,
          },
        ],
      });
      expect(cause).toEqual({
        kind: 'fault',
        service: 'shipping',
        entity: 'POST carrier',
        exception: 'CarrierDown: no route',
        clientImpacting: false,
      });
      expect(cause && formatRootCause(cause)).toBe(
        'shipping › POST carrier — CarrierDown: no route',
      );
    });
    it('takes an exception recorded higher on the path when the leaf has none', () => {
      const cause = rootCauseOf({
        ErrorRootCauses: [
          {
            Services: [
              {
                Name: 'inventory',
                EntityPath: [{ Name: 'inventory', Exceptions: [{ Message: 'out of stock' }] }],
              },
            ],
            ClientImpacting: true,
          },
        ],
      });
      expect(cause).toEqual({
        kind: 'error',
        service: 'inventory',
        exception: 'out of stock',
        clientImpacting: true,
      });
      expect(cause && formatRootCause(cause)).toBe('inventory — out of stock');
    });
    it('prefers a fault over an error and is undefined without causes', () => {
      const svc = (Name: string): { Services: Array<{ Name: string }> } => ({
        Services: [{ Name }],
      });
      expect(
        rootCauseOf({ ErrorRootCauses: [svc('a')], FaultRootCauses: [svc('b')] })?.service,
      ).toBe('b');
      expect(rootCauseOf({})).toBeUndefined();
      expect(rootCauseOf({ FaultRootCauses: [{ Services: [{}] }] })).toBeUndefined();
    });
  });
});
