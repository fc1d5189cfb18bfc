import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, it } from 'vitest';
import { exceptionEvent } from '../support/span-factory.ts';
import type { Case } from './table.ts';
import { check, PARENT, seg, sub } from './table.ts';

const E1 = 'aaaaaaaaaaaaaaa1';
const E2 = 'aaaaaaaaaaaaaaa2';
const ERROR = { code: SpanStatusCode.ERROR };
const lang = (language: string): Record<string, string> => ({ 'telemetry.sdk.language': language });

const V8_STACK = [
  'Error: boom',
  '    at speedy (/app/src/orders.js:10:15)',
  '    at /app/src/main.js:3:1',
  '    at Array.forEach (native)',
  '    at broken (no-close-paren',
  'not a frame',
  '    at Object.<anonymous> (file:10)',
].join('\n');

// An ESM service's stack as Node 24 writes it (the issue's `Stock.validate (file:0)` case).
const ESM_STACK = [
  'RangeError: quantity must be positive for sku-1',
  '    at Stock.validate (file:///srv/orders%20api/src/stock.ts:12:11)',
  '    at new Order (file:///srv/orders%20api/src/stock.ts:26:11)',
  '    at async Promise.all (index 1)',
  '    at eval (eval at run (file:///srv/orders%20api/src/rules.mjs:4:3), <anonymous>:1:7)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
  '    at async file:///srv/orders%20api/src/main.mjs:9:1',
].join('\n');

const JAVA_STACK = [
  'java.lang.IllegalStateException: outer',
  '\tat app//com.example.Orders.place(Orders.java:42)',
  '\tat java.base/java.lang.Thread.run(Native Method)',
  '\t... 3 more',
  'Caused by: java.io.IOException: disk',
  'full',
  '\tat com.example.Disk.write(Disk.java:7)',
].join('\n');

const PYTHON_STACK = [
  'Traceback (most recent call last):',
  '  File "/app/main.py", line 10, in handler',
  '    place()',
  '  File "/app/orders.py", line 3, in place',
  '    raise ValueError("bad")',
  'ValueError: bad',
].join('\n');

const causes: Case[] = [
  {
    rule: '§5: ERROR status without an HTTP code is a fault; the status message becomes a cause',
    span: { status: { code: SpanStatusCode.ERROR, message: 'db down' } },
    expected: [
      seg({ fault: true, cause: { exceptions: [{ id: E1, message: 'db down', type: '' }] } }),
    ],
  },
  {
    rule: '§5: ERROR without a message and without http.status_text has no cause',
    span: { status: ERROR },
    expected: [seg({ fault: true })],
  },
  {
    rule: '§5: ERROR without a message uses http.status_text, which leaves metadata',
    span: { status: ERROR, attributes: { 'http.status_text': 'Bad Gateway' } },
    expected: [
      seg({ fault: true, cause: { exceptions: [{ id: E1, message: 'Bad Gateway', type: '' }] } }),
    ],
  },
  {
    rule: '§5: 404 is an error, not a fault',
    span: { kind: SpanKind.SERVER, attributes: { 'http.status_code': 404 } },
    expected: [
      seg({ error: true, http: { request: {}, response: { status: 404, content_length: 0 } } }),
    ],
  },
  {
    rule: '§5 / §13.3: 429 with ERROR status is error + throttle, not fault',
    span: {
      kind: SpanKind.SERVER,
      status: ERROR,
      attributes: { 'http.response.status_code': 429 },
    },
    expected: [
      seg({
        error: true,
        throttle: true,
        http: { request: {}, response: { status: 429, content_length: 0 } },
      }),
    ],
  },
  {
    rule: '§5 / §13.3: 503 with UNSET status is a fault',
    span: { kind: SpanKind.SERVER, attributes: { 'http.status_code': 503 } },
    expected: [
      seg({ fault: true, http: { request: {}, response: { status: 503, content_length: 0 } } }),
    ],
  },
  {
    rule: '§5: a code outside 400-599 falls back to the span status',
    span: { kind: SpanKind.SERVER, status: ERROR, attributes: { 'http.status_code': 302 } },
    expected: [
      seg({ fault: true, http: { request: {}, response: { status: 302, content_length: 0 } } }),
    ],
  },
  {
    rule: '§5: http.status_code is read before http.response.status_code',
    span: {
      kind: SpanKind.SERVER,
      attributes: { 'http.status_code': 500, 'http.response.status_code': 404 },
    },
    expected: [
      seg({ fault: true, http: { request: {}, response: { status: 404, content_length: 0 } } }),
    ],
  },
  {
    rule: '§5 / §13.3: an exception on an OK span gives a cause but no fault',
    span: {
      kind: SpanKind.SERVER,
      status: { code: SpanStatusCode.OK },
      events: [exceptionEvent('Error', 'handled')],
    },
    expected: [
      seg({
        cause: { exceptions: [{ id: E1, message: 'handled', type: 'Error', remote: false }] },
      }),
    ],
  },
  {
    rule: '§5: exceptions of CLIENT and PRODUCER spans are remote',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      status: ERROR,
      events: [exceptionEvent('Error', 'refused')],
    },
    expected: [
      sub({
        namespace: 'remote',
        fault: true,
        cause: { exceptions: [{ id: E1, message: 'refused', type: 'Error', remote: true }] },
      }),
    ],
  },
  {
    rule: '§5: missing exception type and message become ""; every exception event is kept',
    span: {
      parentSpanId: PARENT,
      events: [
        { name: 'exception', time: [1700000000, 0], attributes: {} },
        { name: 'log', time: [1700000000, 0], attributes: { msg: 'dropped' } },
        exceptionEvent('TypeError', 'x'),
      ],
    },
    expected: [
      sub({
        cause: {
          exceptions: [
            { id: E1, message: '', type: '', remote: false },
            { id: E2, message: 'x', type: 'TypeError', remote: false },
          ],
        },
      }),
    ],
  },
  {
    rule: '§5 V8 stacks (nodejs): labels trimmed (deviation 15), native frames, broken lines skipped',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: lang('nodejs'),
      events: [exceptionEvent('Error', 'boom', V8_STACK)],
    },
    expected: [
      sub({
        cause: {
          exceptions: [
            {
              id: E1,
              message: 'boom',
              type: 'Error',
              remote: false,
              stack: [
                { path: '/app/src/orders.js', line: 10, label: 'speedy' },
                { path: '/app/src/main.js', line: 3, label: '' },
                { path: 'native', line: 0, label: 'Array.forEach' },
                { path: 'file:10', line: 0, label: 'Object.<anonymous>' },
              ],
            },
          ],
        },
      }),
    ],
  },
  {
    rule: '§5 V8 stacks of ESM code: file URLs as paths, node: modules, async and eval frames (deviation 15)',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: lang('nodejs'),
      events: [exceptionEvent('RangeError', 'quantity must be positive for sku-1', ESM_STACK)],
    },
    expected: [
      sub({
        cause: {
          exceptions: [
            {
              id: E1,
              message: 'quantity must be positive for sku-1',
              type: 'RangeError',
              remote: false,
              stack: [
                { path: '/srv/orders api/src/stock.ts', line: 12, label: 'Stock.validate' },
                { path: '/srv/orders api/src/stock.ts', line: 26, label: 'new Order' },
                { path: '', line: 0, label: 'async Promise.all (index 1)' },
                { path: '/srv/orders api/src/rules.mjs', line: 4, label: 'eval' },
                {
                  path: 'node:internal/process/task_queues',
                  line: 105,
                  label: 'process.processTicksAndRejections',
                },
                { path: '/srv/orders api/src/main.mjs', line: 9, label: 'async' },
              ],
            },
          ],
        },
      }),
    ],
  },
  {
    rule: '§5 V8 stacks: the language javascript is parsed the same way; an unknown language has no stack',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: lang('rust'),
      events: [exceptionEvent('Error', 'boom', V8_STACK)],
    },
    expected: [
      sub({ cause: { exceptions: [{ id: E1, message: 'boom', type: 'Error', remote: false }] } }),
    ],
  },
  {
    rule: '§5 Java stacks: module prefixes dropped, Native Method, Caused by chains with multi-line messages',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: lang('java'),
      events: [exceptionEvent('java.lang.IllegalStateException', 'outer', JAVA_STACK)],
    },
    expected: [
      sub({
        cause: {
          exceptions: [
            {
              id: E1,
              message: 'outer',
              type: 'java.lang.IllegalStateException',
              remote: false,
              stack: [
                // The collector cuts at the first '/', so the class-loader form app// leaves one slash.
                { path: 'Orders.java', line: 42, label: '/com.example.Orders.place' },
                { path: 'Native Method', line: 0, label: 'java.lang.Thread.run' },
              ],
              cause: E2,
            },
            {
              id: E2,
              message: 'diskfull',
              type: 'java.io.IOException',
              remote: false,
              stack: [{ path: 'Disk.java', line: 7, label: 'com.example.Disk.write' }],
            },
          ],
        },
      }),
    ],
  },
  {
    rule: '§5 Python stacks are read bottom-up',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: lang('python'),
      events: [exceptionEvent('ValueError', 'bad', PYTHON_STACK)],
    },
    expected: [
      sub({
        cause: {
          exceptions: [
            {
              id: E1,
              message: 'bad',
              type: 'ValueError',
              remote: false,
              stack: [
                { path: '/app/orders.py', line: 3, label: 'place' },
                { path: '/app/main.py', line: 10, label: 'handler' },
              ],
            },
          ],
        },
      }),
    ],
  },
  {
    rule: '§5 .NET stacks: `at X in path:line N` and `at X()` frames',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: lang('dotnet'),
      events: [
        exceptionEvent(
          'System.Exception',
          'bad',
          'System.Exception: bad\n   at App.Orders.Place() in /src/Orders.cs:line 12\n   at App.Main()',
        ),
      ],
    },
    expected: [
      sub({
        cause: {
          exceptions: [
            {
              id: E1,
              message: 'bad',
              type: 'System.Exception',
              remote: false,
              stack: [
                { path: '/src/Orders.cs', line: 12, label: 'App.Orders.Place()' },
                { path: '', line: 0, label: 'App.Main()' },
              ],
            },
          ],
        },
      }),
    ],
  },
  {
    rule: '§5 Go stacks: function / path:line pairs after the goroutine header',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: lang('go'),
      events: [
        exceptionEvent(
          'panic',
          'boom',
          'panic: boom\ngoroutine 1 [running]:\nmain.place()\n\t/app/main.go:12 +0x1d\nmain.main()\n\t/app/main.go:5 +0x20',
        ),
      ],
    },
    expected: [
      sub({
        cause: {
          exceptions: [
            {
              id: E1,
              message: 'boom',
              type: 'panic',
              remote: false,
              stack: [
                { path: '/app/main.go', line: 12, label: 'main.place()' },
                { path: '/app/main.go', line: 5, label: 'main.main()' },
              ],
            },
          ],
        },
      }),
    ],
  },
  {
    rule: '§5: an AWS SDK "HTTP request failure" event is a remote aws.http.error.event exception',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'rpc.system': 'aws-api' },
      events: [
        {
          name: 'HTTP request failure',
          time: [1696954761, 1000],
          attributes: {
            'http.response.status_code': 503,
            'aws.http.error_message': 'service is temporarily unavailable',
          },
        },
      ],
    },
    expected: [
      sub({
        namespace: 'aws',
        cause: {
          exceptions: [
            {
              id: E1,
              message: '503@1696954761.000001@service is temporarily unavailable',
              type: 'aws.http.error.event',
              remote: true,
            },
          ],
        },
        metadata: { default: { 'rpc.system': 'aws-api' } },
      }),
    ],
  },
  {
    rule: '§5: "HTTP request failure" events on non-AWS spans are ignored',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      events: [
        {
          name: 'HTTP request failure',
          time: [1, 0],
          attributes: { 'http.response.status_code': 503, 'aws.http.error_message': 'x' },
        },
      ],
    },
    expected: [sub({ namespace: 'remote' })],
  },
];

describe('toSegmentDocuments', () => {
  describe('fault, error, throttle and cause (§5)', () => {
    it.each(causes)('$rule', (row) => check(row));
  });
});
