// Expected trees of the order-flow fixture, shared by the matcher tests.
import type { ExpectedNode } from '../../src/index.ts';

/** orders → SNS publish → inventory → validate_inventory → SQS send → shipping → HTTP → orders. */
export const ORDER_FLOW: ExpectedNode = {
  service: 'orders',
  kind: 'segment',
  annotations: { order_id: 'ord-1001' },
  children: [
    {
      name: 'SNS',
      namespace: 'aws',
      operation: 'Publish',
      children: [
        {
          inferred: true,
          origin: 'AWS::SNS',
          children: [
            {
              service: 'inventory',
              children: [
                {
                  name: 'validate_inventory',
                  children: [
                    {
                      name: 'SQS',
                      operation: 'SendMessage',
                      children: [
                        {
                          inferred: true,
                          origin: 'AWS::SQS::Queue',
                          children: [
                            {
                              service: 'shipping',
                              children: [
                                {
                                  namespace: 'remote',
                                  http: { method: 'POST', url: /\/orders\/ord-1001\/shipped$/ },
                                  children: [
                                    { service: 'orders', kind: 'segment', http: { status: 200 } },
                                  ],
                                },
                              ],
                            },
                          ],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** A segment `api` with subsegments `first` (starts first), `second` and `second` again. */
export function siblingDocuments(): Array<Record<string, unknown>> {
  const sub = (name: string, id: string, start: number): Record<string, unknown> => ({
    name,
    id,
    start_time: start,
    end_time: start + 0.01,
    namespace: 'local',
  });
  return [
    {
      name: 'api',
      id: '0000000000000001',
      trace_id: '1-6743a1f0-000000000000000000000001',
      start_time: 1732485616,
      end_time: 1732485617,
      subsegments: [
        sub('second', '0000000000000003', 1732485616.2),
        sub('first', '0000000000000002', 1732485616.1),
        sub('second', '0000000000000004', 1732485616.3),
      ],
    },
  ];
}
