// cause_test.go of the collector's translator (makeCause: fault/error/throttle and `cause`;
// parseException: exceptions and stack frames per SDK language), restated as data. makeCause rows
// translate constructExceptionServerSpan's span; parseException rows put the Go test's exception on
// an `exception` event (a CLIENT span when the Go test passes isRemote, else SERVER) with the Go
// test's language as `telemetry.sdk.language` — re-expressed, not copied.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { HrTime } from '@opentelemetry/api';
import { expect } from 'vitest';
import type { SpanInit } from '../../support/span-factory.ts';
import type { Doc, GoFile, Vector } from './support.ts';
import { EMPTY_RESOURCE, goSpan, one } from './support.ts';

const END: HrTime = [1700000001, 500000000];
const MSG = 'this is a test';
const WIDGETS = 'https://api.example.com/widgets';

function exception(attributes: Doc, time: HrTime = END): NonNullable<SpanInit['events']>[number] {
  return { name: 'exception', time, attributes, droppedAttributesCount: 0 };
}

function exceptionsOf(doc: Doc): Doc[] {
  return (((doc.cause ?? {}) as Doc).exceptions ?? []) as Doc[];
}

interface Flags {
  fault: boolean;
  error: boolean;
  throttle: boolean;
  /** Whether the Go test expects a cause (NotNil / Nil). */
  cause: boolean;
}

function flags(doc: Doc, want: Flags): void {
  expect({ fault: doc.fault, error: doc.error, throttle: doc.throttle }).toStrictEqual({
    fault: want.fault,
    error: want.error,
    throttle: want.throttle,
  });
  if (want.cause) expect(doc).toHaveProperty('cause');
  else expect(doc).not.toHaveProperty('cause');
}

/** A makeCause row: constructExceptionServerSpan (SERVER, /widgets) with a status and attributes. */
function causeRow(
  go: string,
  status: SpanStatusCode,
  attributes: Doc,
  want: Flags,
  extra: {
    message?: string;
    events?: SpanInit['events'];
    language?: string;
    check?: (doc: Doc) => void;
  } = {},
): Vector {
  const resource =
    extra.language === undefined ? EMPTY_RESOURCE : { 'telemetry.sdk.language': extra.language };
  return {
    go,
    span: goSpan(SpanKind.SERVER, '/widgets', {
      raw: attributes,
      status: { code: status, ...(extra.message === undefined ? {} : { message: extra.message }) },
      resource,
      ...(extra.events ? { events: extra.events } : {}),
    }),
    asserts: (docs) => {
      const doc = one(docs);
      flags(doc, want);
      extra.check?.(doc);
    },
  };
}

const FAULT = { fault: true, error: false, throttle: false, cause: true };
const ERROR_4XX = { fault: false, error: true, throttle: false, cause: true };
const THROTTLE = { fault: false, error: true, throttle: true, cause: true };
const NONE = { fault: false, error: false, throttle: false, cause: false };

const OLD_500 = { 'http.method': 'POST', 'http.url': WIDGETS, 'http.status_code': 500 };
const NEW_500 = {
  'http.request.method': 'POST',
  'url.full': WIDGETS,
  'http.response.status_code': 500,
};
const OLD_NO_CODE = { 'http.method': 'POST', 'http.url': WIDGETS, 'http.status_text': MSG };

function withCode(stable: boolean, code: number): Doc {
  return stable
    ? {
        'http.request.method': 'POST',
        'url.full': WIDGETS,
        'http.response.status_code': code,
        'http.status_text': MSG,
      }
    : {
        'http.method': 'POST',
        'http.url': WIDGETS,
        'http.status_code': code,
        'http.status_text': MSG,
      };
}

const containsMessage = (doc: Doc): void => expect(JSON.stringify(doc.cause)).toContain(MSG);

const JAVA_TRACE = [
  'java.lang.IllegalStateException: state is not legal',
  '\tat io.opentelemetry.sdk.trace.RecordEventsReadableSpanTest.recordException(RecordEventsReadableSpanTest.java:626)',
  '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
  '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:62)',
].join('\n');
const JAVA_FRAMES: Frame[] = [
  [
    'io.opentelemetry.sdk.trace.RecordEventsReadableSpanTest.recordException',
    'RecordEventsReadableSpanTest.java',
    626,
  ],
  ['jdk.internal.reflect.NativeMethodAccessorImpl.invoke0', 'Native Method', 0],
  ['jdk.internal.reflect.NativeMethodAccessorImpl.invoke', 'NativeMethodAccessorImpl.java', 62],
];
const JUNIT_FRAMES: Frame[] = [
  [
    'org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute',
    'ThrowableCollector.java',
    73,
  ],
  [
    'org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively',
    'NodeTestTask.java',
    0,
  ],
];
const JUNIT_TRACE = [
  '\tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)',
  '\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java)',
].join('\n');

/** label, path, line of one expected frame. */
type Frame = [string, string, number];

function framesOf(exc: Doc | undefined): Frame[] {
  const stack = (exc?.stack ?? []) as Doc[];
  return stack.map((f) => [
    (f.label ?? '') as string,
    (f.path ?? '') as string,
    (f.line ?? 0) as number,
  ]);
}

interface Parse {
  type: string;
  message: string;
  stacktrace: string;
  language: string;
  remote: boolean;
}

/** A parseException row: one exception event; `check` gets the exceptions of the cause. */
function parseRow(
  go: string,
  p: Parse,
  check: (exceptions: Doc[]) => void,
  deviation?: string,
): Vector {
  return {
    go,
    span: goSpan(p.remote ? SpanKind.CLIENT : SpanKind.SERVER, 'parse', {
      raw: {},
      resource: p.language === '' ? EMPTY_RESOURCE : { 'telemetry.sdk.language': p.language },
      events: [
        exception({
          'exception.type': p.type,
          'exception.message': p.message,
          'exception.stacktrace': p.stacktrace,
        }),
      ],
    }),
    asserts: (docs) => {
      const exceptions = exceptionsOf(one(docs));
      for (const exc of exceptions) expect(exc.id).toMatch(/^[0-9a-f]{16}$/);
      expect(exceptions[0]!.remote).toBe(p.remote);
      check(exceptions);
    },
    ...(deviation === undefined ? {} : { deviation }),
  };
}

/** The exceptions' type, message (undefined → ''), frames and cause links, as the Go asserts list them. */
function chain(
  ...want: Array<{ type: string; message: string; frames: Frame[] }>
): (e: Doc[]) => void {
  return (exceptions) => {
    expect(exceptions).toHaveLength(want.length);
    want.forEach((w, i) => {
      const exc = exceptions[i]!;
      expect([exc.type, exc.message ?? '']).toStrictEqual([w.type, w.message]);
      expect(framesOf(exc)).toStrictEqual(w.frames);
      if (i > 0) expect(exceptions[i - 1]!.cause).toBe(exc.id);
    });
  };
}

const FOO = { type: 'com.foo.Exception', message: 'Error happened' };

const PY_MAIN = [
  'Traceback (most recent call last):',
  '  File "main.py", line 14, in <module>',
  "    greet_many(['Chad', 'Dan', 1])",
  '  File "greetings.py", line 12, in greet_many',
  "    print('hi, ' + person)",
  'TypeError: must be str, not int',
].join('\n');
const PY_CAUSE = (valueLine: string): string =>
  [
    'Traceback (most recent call last):',
    '  File "bar.py", line 10, in greet_many',
    '    greet(person)',
    '  File "foo.py", line 5, in greet',
    "    print(greeting + ', ' + who_to_greet(someone))",
    valueLine,
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    PY_MAIN,
  ].join('\n');
const PY_MAIN_FRAMES: Frame[] = [
  ['greet_many', 'greetings.py', 12],
  ['<module>', 'main.py', 14],
];
const PY_CAUSE_FRAMES: Frame[] = [
  ['greet', 'foo.py', 5],
  ['greet_many', 'bar.py', 10],
];
const PY = { type: 'TypeError', message: 'must be str, not int', language: 'python', remote: true };

const JS_HEAD = "TypeError: Cannot read property 'value' of null";
const JS = { type: 'TypeError', message: "Cannot read property 'value' of null", remote: true };

const GO_TRACE = [
  'goroutine 19 [running]:',
  'go.opentelemetry.io/otel/sdk/trace.recordStackTrace(0x0, 0x0)',
  '\totel-go-core/opentelemetry-go/sdk/trace/span.go:323 +0x9b',
  'go.opentelemetry.io/otel/sdk/trace.(*span).RecordError(0xc0003a6000, 0x14a5f00, 0xc00038c000, 0xc000390140, 0x3, 0x4)',
  '\totel-go-core/opentelemetry-go/sdk/trace/span.go:302 +0x3fc',
  'go.opentelemetry.io/otel/sdk/trace.TestRecordErrorWithStackTrace(0xc000102900)',
  '\totel-go-core/opentelemetry-go/sdk/trace/trace_test.go:1167 +0x3ef',
  'testing.tRunner(0xc000102900, 0x1484410)',
  '\t/usr/local/Cellar/go/1.16.3/libexec/src/testing/testing.go:1193 +0x1a3',
  'created by testing.(*T).Run',
  '\t/usr/local/Cellar/go/1.16.3/libexec/src/testing/testing.go:1238 +0x63c',
].join('\n');
const GO_PANIC_TRACE = [
  'goroutine 19 [running]:',
  'go.opentelemetry.io/otel/sdk/trace.recordStackTrace(0x0, 0x0)',
  '\tDocuments/otel-go-core/opentelemetry-go/sdk/trace/span.go:318 +0x9b',
  'go.opentelemetry.io/otel/sdk/trace.(*span).End(0xc000082300, 0xc0000a0040, 0x1, 0x1)',
  '\tDocuments/otel-go-core/opentelemetry-go/sdk/trace/span.go:252 +0x4ee',
  'panic(0x1414f00, 0xc0000a0050)',
  '\t/usr/local/Cellar/go/1.16.3/libexec/src/runtime/panic.go:971 +0x4c7',
  'go.opentelemetry.io/otel/sdk/trace.TestSpanCapturesPanicWithStackTrace.func1()',
  '\tDocuments/otel-go-core/opentelemetry-go/sdk/trace/trace_test.go:1425 +0x225',
  'github.com/stretchr/testify/assert.didPanic.func1(0xc0001ad0e8, 0xc0001ad0d7, 0xc0001ad0d8, 0xc00009e048)',
  '\tgo/pkg/mod/github.com/stretchr/testify@v1.7.0/assert/assertions.go:1018 +0xb8',
  'github.com/stretchr/testify/assert.didPanic(0xc00009e048, 0x14a5b00, 0x0, 0x0, 0x0, 0x0)',
  '\tgo/pkg/mod/github.com/stretchr/testify@v1.7.0/assert/assertions.go:1020 +0x85',
  'github.com/stretchr/testify/assert.PanicsWithError(0x14a5b60, 0xc000186600, 0x146e31c, 0xd, 0xc00009e048, 0x0, 0x0, 0x0, 0xc000038900)',
  '\tgo/pkg/mod/github.com/stretchr/testify@v1.7.0/assert/assertions.go:1071 +0x10c',
  'goroutine 26 [running]:',
  'github.com/stretchr/testify/require.PanicsWithError(0x14a7328, 0xc000186600, 0x146e31c, 0xd, 0xc00009e048, 0x0, 0x0, 0x0)',
  '\tgo/pkg/mod/github.com/stretchr/testify@v1.7.0/require/require.go:1607 +0x15e',
  'go.opentelemetry.io/otel/sdk/trace.TestSpanCapturesPanicWithStackTrace(0xc000186600)',
  '\tDocuments/otel-go-core/opentelemetry-go/sdk/trace/trace_test.go:1427 +0x33a',
  'testing.tRunner(0xc000186600, 0x1484440)',
  '\t/usr/local/Cellar/go/1.16.3/libexec/src/testing/testing.go:1193 +0x1a3',
  'created by testing.(*T).Run',
  '\t/usr/local/Cellar/go/1.16.3/libexec/src/testing/testing.go:1238 +0x63c',
].join('\n');

/** Go frames: the label starts with the function (arguments follow), path and line exact. */
function goFrames(count: number, at: Record<number, Frame>): (e: Doc[]) => void {
  return (exceptions) => {
    expect(exceptions).toHaveLength(1);
    const frames = framesOf(exceptions[0]);
    expect(frames).toHaveLength(count);
    for (const [index, [label, path, line]] of Object.entries(at)) {
      const frame = frames[Number(index)]!;
      expect(frame[0].startsWith(label)).toBe(true);
      expect([frame[1], frame[2]]).toStrictEqual([path, line]);
    }
  };
}

const PHP = { language: 'php', remote: true };

const vectors: Vector[] = [
  causeRow('TestCauseWithExceptions', SpanStatusCode.ERROR, {}, FAULT, {
    message: MSG,
    language: 'java',
    events: [
      exception({
        'exception.type': 'java.lang.IllegalStateException',
        'exception.message': 'bad state',
        'exception.stacktrace': `${JAVA_TRACE}\nCaused by: java.lang.IllegalArgumentException: bad argument`,
      }),
      exception({ 'exception.type': 'EmptyError' }),
    ],
    check: (doc) => {
      const [first, second, third] = exceptionsOf(doc) as [Doc, Doc, Doc];
      expect(exceptionsOf(doc)).toHaveLength(3);
      expect([first.type, first.message]).toStrictEqual([
        'java.lang.IllegalStateException',
        'bad state',
      ]);
      expect(framesOf(first)).toHaveLength(3);
      expect(first.cause).toBe(second.id);
      expect(second.type).toBe('java.lang.IllegalArgumentException');
      expect(third.type).toBe('EmptyError');
      expect(third.message ?? '').toBe('');
    },
  }),
  causeRow('TestMakeCauseAwsSdkSpan', SpanStatusCode.ERROR, { 'rpc.system': 'aws-api' }, FAULT, {
    message: MSG,
    events: [
      {
        name: 'HTTP request failure',
        time: [1696954761, 1000],
        attributes: {
          'http.response.status_code': '503',
          'aws.http.error_message': 'service is temporarily unavailable',
        },
        droppedAttributesCount: 0,
      },
    ],
    check: (doc) => {
      const [only] = exceptionsOf(doc) as [Doc];
      expect(exceptionsOf(doc)).toHaveLength(1);
      expect([only.type, only.remote]).toStrictEqual(['aws.http.error.event', true]);
      expect((only.message as string).split('@')).toStrictEqual([
        '503',
        '1696954761.000001',
        'service is temporarily unavailable',
      ]);
    },
  }),
  // One Go test, two statuses: an exception on a span that did not fail gives a cause, no flag.
  ...[SpanStatusCode.UNSET, SpanStatusCode.OK].map((status) =>
    causeRow(
      `TestCauseExceptionWithoutError (${SpanStatusCode[status]})`,
      status,
      {},
      { ...NONE, cause: true },
      {
        message: MSG,
        language: 'java',
        events: [
          exception({
            'exception.type': 'java.lang.IllegalStateException',
            'exception.message': 'bad state',
            'exception.stacktrace': `${JAVA_TRACE}\nCaused by: java.lang.IllegalArgumentException: bad argument`,
          }),
        ],
        check: (doc) => {
          const [first] = exceptionsOf(doc) as [Doc];
          expect(exceptionsOf(doc)).toHaveLength(2);
          expect([first.type, first.message]).toStrictEqual([
            'java.lang.IllegalStateException',
            'bad state',
          ]);
          expect(framesOf(first)).toHaveLength(3);
        },
      },
    ),
  ),
  ...[SpanStatusCode.UNSET, SpanStatusCode.OK].map((status) =>
    causeRow(
      `TestEventWithoutExceptionWithoutError (${SpanStatusCode[status]})`,
      status,
      {},
      NONE,
      {
        message: MSG,
        language: 'java',
        events: [
          {
            name: 'NotException',
            time: END,
            attributes: { 'http.method': 'Post' },
            droppedAttributesCount: 0,
          },
        ],
      },
    ),
  ),
  causeRow('TestCauseWithStatusMessage', SpanStatusCode.ERROR, OLD_500, FAULT, {
    message: MSG,
    check: containsMessage,
  }),
  causeRow('TestCauseWithStatusMessageStable', SpanStatusCode.ERROR, NEW_500, FAULT, {
    message: MSG,
    check: containsMessage,
  }),
  causeRow('TestCauseWithHttpStatusMessage', SpanStatusCode.ERROR, withCode(false, 500), FAULT, {
    check: containsMessage,
  }),
  causeRow(
    'TestCauseWithHttpStatusMessageStable',
    SpanStatusCode.ERROR,
    {
      'http.method': 'POST',
      'http.url': WIDGETS,
      'http.response.status_code': 500,
      'http.status_text': MSG,
    },
    FAULT,
    { check: containsMessage },
  ),
  causeRow(
    'TestCauseWithZeroStatusMessageAndFaultHttpCode',
    SpanStatusCode.UNSET,
    withCode(false, 500),
    {
      ...FAULT,
      cause: false,
    },
  ),
  causeRow(
    'TestCauseWithZeroStatusMessageAndFaultHttpCodeStable',
    SpanStatusCode.UNSET,
    withCode(true, 500),
    {
      ...FAULT,
      cause: false,
    },
  ),
  causeRow('TestNonHttpUnsetCodeSpan', SpanStatusCode.UNSET, OLD_NO_CODE, NONE),
  causeRow('TestNonHttpOkCodeSpan', SpanStatusCode.OK, OLD_NO_CODE, NONE),
  causeRow('TestNonHttpErrCodeSpan', SpanStatusCode.ERROR, OLD_NO_CODE, FAULT),
  causeRow(
    'TestCauseWithZeroStatusMessageAndFaultErrorCode',
    SpanStatusCode.UNSET,
    withCode(false, 400),
    {
      ...ERROR_4XX,
      cause: false,
    },
  ),
  causeRow(
    'TestCauseWithZeroStatusMessageAndFaultErrorCodeStable',
    SpanStatusCode.UNSET,
    withCode(true, 400),
    {
      ...ERROR_4XX,
      cause: false,
    },
  ),
  causeRow(
    'TestCauseWithClientErrorMessage',
    SpanStatusCode.ERROR,
    withCode(false, 499),
    ERROR_4XX,
  ),
  causeRow(
    'TestCauseWithClientErrorMessageStable',
    SpanStatusCode.ERROR,
    withCode(true, 499),
    ERROR_4XX,
  ),
  causeRow('TestCauseWithThrottled', SpanStatusCode.ERROR, withCode(false, 429), THROTTLE),
  causeRow('TestCauseWithThrottledStable', SpanStatusCode.ERROR, withCode(true, 429), THROTTLE),

  parseRow(
    'TestParseExceptionWithoutStacktrace',
    { ...FOO, stacktrace: '', language: '', remote: true },
    chain({ ...FOO, frames: [] }),
  ),
  parseRow(
    'TestParseExceptionWithoutMessage',
    { type: 'com.foo.Exception', message: '', stacktrace: '', language: '', remote: false },
    chain({ type: 'com.foo.Exception', message: '', frames: [] }),
  ),
  parseRow(
    'TestParseExceptionWithJavaStacktraceNoCause',
    { ...FOO, stacktrace: JAVA_TRACE, language: 'java', remote: true },
    chain({ ...FOO, frames: JAVA_FRAMES }),
  ),
  parseRow(
    'TestParseExceptionWithStacktraceNotJava',
    { ...FOO, stacktrace: JAVA_TRACE, language: '', remote: true },
    chain({ ...FOO, frames: [] }),
  ),
  parseRow(
    'TestParseExceptionWithJavaStacktraceAndCauseWithoutStacktrace',
    {
      ...FOO,
      stacktrace: `${JAVA_TRACE}\nCaused by: java.lang.IllegalArgumentException: bad argument`,
      language: 'java',
      remote: true,
    },
    chain(
      { ...FOO, frames: JAVA_FRAMES },
      { type: 'java.lang.IllegalArgumentException', message: 'bad argument', frames: [] },
    ),
  ),
  parseRow(
    'TestParseExceptionWithJavaStacktraceAndCauseWithoutMessageOrStacktrace',
    {
      ...FOO,
      stacktrace: `${JAVA_TRACE}\nCaused by: java.lang.IllegalArgumentException`,
      language: 'java',
      remote: true,
    },
    chain(
      { ...FOO, frames: JAVA_FRAMES },
      { type: 'java.lang.IllegalArgumentException', message: '', frames: [] },
    ),
  ),
  parseRow(
    'TestParseExceptionWithJavaStacktraceAndCauseWithStacktrace',
    {
      ...FOO,
      stacktrace: `${JAVA_TRACE}\nCaused by: java.lang.IllegalArgumentException: bad argument\n${JUNIT_TRACE}`,
      language: 'java',
      remote: true,
    },
    chain(
      { ...FOO, frames: JAVA_FRAMES },
      { type: 'java.lang.IllegalArgumentException', message: 'bad argument', frames: JUNIT_FRAMES },
    ),
  ),
  parseRow(
    'TestParseExceptionWithJavaStacktraceAndCauseWithStacktraceSkipCommonAndSuppressedAndMalformed',
    {
      ...FOO,
      stacktrace: [
        JAVA_TRACE,
        '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:62)afaefaef',
        '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke',
        '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:62',
        '\tat java.base/java.util.ArrayList.forEach(ArrayList.java:)',
        '\tSuppressed: Resource$CloseFailException: Resource ID = 2',
        '\t\tat Resource.close(Resource.java:26)\t',
        '\t\tat Foo3.main(Foo3.java:5)',
        '\tSuppressed: Resource$CloseFailException: Resource ID = 1',
        '\t\tat Resource.close(Resource.java:26)',
        '\t\tat Foo3.main(Foo3.java:5)',
        'Caused by: java.lang.IllegalArgumentException: bad argument',
        JUNIT_TRACE,
        '\t... 99 more',
      ].join('\n'),
      language: 'java',
      remote: true,
    },
    chain(
      { ...FOO, frames: [...JAVA_FRAMES, ['java.util.ArrayList.forEach', 'ArrayList.java', 0]] },
      { type: 'java.lang.IllegalArgumentException', message: 'bad argument', frames: JUNIT_FRAMES },
    ),
  ),
  parseRow(
    'TestParseExceptionWithPythonStacktraceNoCause',
    { ...PY, stacktrace: PY_MAIN },
    chain({ ...PY, frames: PY_MAIN_FRAMES }),
  ),
  parseRow(
    'TestParseExceptionWithPythonStacktraceAndCause',
    { ...PY, stacktrace: PY_CAUSE('ValueError: bad value') },
    chain(
      { ...PY, frames: PY_MAIN_FRAMES },
      { type: 'ValueError', message: 'bad value', frames: PY_CAUSE_FRAMES },
    ),
  ),
  parseRow(
    'TestParseExceptionWithPythonStacktraceAndMultiLineCause',
    { ...PY, stacktrace: PY_CAUSE('ValueError: bad value\nwith more on\nnew lines') },
    chain(
      { ...PY, frames: PY_MAIN_FRAMES },
      {
        type: 'ValueError',
        message: 'bad value\nwith more on\nnew lines',
        frames: PY_CAUSE_FRAMES,
      },
    ),
  ),
  parseRow(
    'TestParseExceptionWithPythonStacktraceMalformedLines',
    {
      ...PY,
      stacktrace: [
        'Traceback (most recent call last):',
        '  File "main.py", line 14 in <module>',
        "    greet_many(['Chad', 'Dan', 1])",
        '  File "main.py", lin 14, in <module>',
        "    greet_many(['Chad', 'Dan', 1])",
        '  File "main.py", line 14, fin <module>',
        "    greet_many(['Chad', 'Dan', 1])",
        '  File "greetings.py", line 12, in greet_many',
        "    print('hi, ' + person)",
        'TypeError: must be str, not int',
      ].join('\n'),
    },
    chain({
      ...PY,
      frames: [
        ['greet_many', 'greetings.py', 12],
        ['', 'main.py', 14],
        ['<module>', 'main.py', 0],
      ],
    }),
  ),
  parseRow(
    'TestParseExceptionWithPythonStacktraceAndMalformedCause',
    {
      ...PY,
      stacktrace: [
        'Traceback (most recent call last):',
        'ValueError: bad value',
        '',
        'During handling of the above exception, another exception occurred:',
        '',
        PY_MAIN,
      ].join('\n'),
    },
    chain({ ...PY, frames: PY_MAIN_FRAMES }),
  ),
  parseRow(
    'TestParseExceptionWithPythonStacktraceAndMalformedCauseMessage',
    { ...PY, stacktrace: PY_CAUSE('ValueError bad value') },
    chain({ ...PY, frames: PY_MAIN_FRAMES }),
  ),
  parseRow(
    'TestParseExceptionWithJavaScriptStacktrace',
    {
      ...JS,
      language: 'javascript',
      stacktrace: [
        JS_HEAD,
        '    at speedy (/home/gbusey/file.js:6:11)',
        '    at makeFaster (/home/gbusey/file.js:5:3)',
        '    at Object.<anonymous> (/home/gbusey/file.js:10:1)',
        '    at node.js:906:3',
        '    at Array.forEach (native)',
        '    at native',
      ].join('\n'),
    },
    chain({
      ...JS,
      frames: [
        ['speedy', '/home/gbusey/file.js', 6],
        ['makeFaster', '/home/gbusey/file.js', 5],
        ['Object.<anonymous>', '/home/gbusey/file.js', 10],
        ['', 'node.js', 906],
        ['Array.forEach', 'native', 0],
        ['', 'native', 0],
      ],
    }),
    'TRANSLATION.md deviation 15: V8 frame labels are trimmed ("speedy", not the collector\'s ' +
      '"speedy " with the space before the parenthesis); paths and lines agree',
  ),
  parseRow(
    'TestParseExceptionWithStacktraceNotJavaScript',
    {
      ...JS,
      language: '',
      stacktrace: [
        JS_HEAD,
        '    at speedy (/home/gbusey/file.js:6:11)',
        '    at makeFaster (/home/gbusey/file.js:5:3)',
        '    at Object.<anonymous> (/home/gbusey/file.js:10:1)',
      ].join('\n'),
    },
    chain({ ...JS, frames: [] }),
  ),
  parseRow(
    'TestParseExceptionWithJavaScriptStacktraceMalformedLines',
    {
      ...JS,
      language: 'javascript',
      stacktrace: [
        JS_HEAD,
        '    at speedy (/home/gbusey/file.js)',
        '    at makeFaster (/home/gbusey/file.js:5:3)malformed123',
        '    at Object.<anonymous> (/home/gbusey/file.js:10',
      ].join('\n'),
    },
    chain({ ...JS, frames: [['speedy', '/home/gbusey/file.js', 0]] }),
    'TRANSLATION.md deviation 15: the label is trimmed ("speedy", the collector: "speedy "); the ' +
      'malformed lines are skipped alike',
  ),
  parseRow(
    'TestParseExceptionWithSimpleStacktrace',
    {
      type: 'System.FormatException',
      message: 'Input string was not in a correct format',
      language: 'dotnet',
      remote: true,
      stacktrace: [
        'System.FormatException: Input string was not in a correct format.',
        '\tat System.Number.ThrowOverflowOrFormatException(ParsingStatus status, TypeCode type)',
        '\tat System.Number.ParseInt32(ReadOnlySpan1 value, NumberStyles styles, NumberFormatInfo info)',
        '\tat System.Int32.Parse(String s)',
        '\tat MyNamespace.IntParser.Parse(String s) in C:\\apps\\MyNamespace\\IntParser.cs:line 11',
        '\tat MyNamespace.Program.Main(String[] args) in C:\\apps\\MyNamespace\\Program.cs:line 12',
      ].join('\n'),
    },
    chain({
      type: 'System.FormatException',
      message: 'Input string was not in a correct format',
      frames: [
        [
          'System.Number.ThrowOverflowOrFormatException(ParsingStatus status, TypeCode type)',
          '',
          0,
        ],
        [
          'System.Number.ParseInt32(ReadOnlySpan1 value, NumberStyles styles, NumberFormatInfo info)',
          '',
          0,
        ],
        ['System.Int32.Parse(String s)', '', 0],
        ['MyNamespace.IntParser.Parse(String s)', 'C:\\apps\\MyNamespace\\IntParser.cs', 11],
        ['MyNamespace.Program.Main(String[] args)', 'C:\\apps\\MyNamespace\\Program.cs', 12],
      ],
    }),
  ),
  parseRow(
    'TestParseExceptionWithInnerExceptionStacktrace',
    {
      type: 'System.Exception',
      message: 'test',
      language: 'dotnet',
      remote: true,
      stacktrace: [
        'System.Exception: Second exception happened',
        ' ---> System.Exception: Error happened when get weatherforecasts',
        '   at TestAppApi.Services.ForecastService.GetWeatherForecasts() in D:\\Users\\foobar\\test-app\\TestAppApi\\Services\\ForecastService.cs:line 9',
        '   --- End of inner exception stack trace ---',
        '   at TestAppApi.Services.ForecastService.GetWeatherForecasts() in D:\\Users\\foobar\\test-app\\TestAppApi\\Services\\ForecastService.cs:line 12',
        '   at TestAppApi.Controllers.WeatherForecastController.Get() in D:\\Users\\foobar\\test-app\\TestAppApi\\Controllers\\WeatherForecastController.cs:line 31',
      ].join('\r\n'),
    },
    (exceptions) => {
      expect(exceptions).toHaveLength(1);
      expect([exceptions[0]!.type, exceptions[0]!.message]).toStrictEqual([
        'System.Exception',
        'test',
      ]);
      const frames = framesOf(exceptions[0]);
      expect(frames).toHaveLength(3);
      expect(frames[0]).toStrictEqual([
        'TestAppApi.Services.ForecastService.GetWeatherForecasts()',
        'D:\\Users\\foobar\\test-app\\TestAppApi\\Services\\ForecastService.cs',
        9,
      ]);
      expect(frames[2]).toStrictEqual([
        'TestAppApi.Controllers.WeatherForecastController.Get()',
        'D:\\Users\\foobar\\test-app\\TestAppApi\\Controllers\\WeatherForecastController.cs',
        31,
      ]);
    },
  ),
  parseRow(
    'TestParseExceptionWithMalformedStacktrace',
    {
      type: 'System.Exception',
      message: 'test',
      language: 'dotnet',
      remote: true,
      stacktrace: [
        'System.Exception: test',
        '\tat integration_test_app.Controllers.AppController.OutgoingHttp() in /Users/bhautip/Documents/otel-dotnet/aws-otel-dotnet/integration-test-app/integration-test-app/Controllers/AppController.cs:line 21',
        '\tat Microsoft.AspNetCore.Diagnostics.DeveloperExceptionPageMiddleware.Invoke(HttpContext context malformed',
        '\tat System.Net.Http.HttpConnectionPool.ConnectAsync(HttpRequestMessage request, Boolean allowHttp2, CancellationToken cancellationToken) non-malformed',
      ].join('\n'),
    },
    chain({
      type: 'System.Exception',
      message: 'test',
      frames: [
        [
          'integration_test_app.Controllers.AppController.OutgoingHttp()',
          '/Users/bhautip/Documents/otel-dotnet/aws-otel-dotnet/integration-test-app/integration-test-app/Controllers/AppController.cs',
          21,
        ],
        [
          'System.Net.Http.HttpConnectionPool.ConnectAsync(HttpRequestMessage request, Boolean allowHttp2, CancellationToken cancellationToken)',
          '',
          0,
        ],
      ],
    }),
  ),
  parseRow(
    'TestParseExceptionPhpStacktrace',
    {
      ...PHP,
      type: 'Exception',
      message: 'Thrown from grandparent',
      stacktrace: [
        'Exception: Thrown from grandparent',
        '\tat grandparent_func(test.php:56)',
        '\tat parent_func(test.php:51)',
        '\tat child_func(test.php:44)',
        '\tat main(test.php:63)',
      ].join('\n'),
    },
    chain({
      type: 'Exception',
      message: 'Thrown from grandparent',
      frames: [
        ['grandparent_func', 'test.php', 56],
        ['parent_func', 'test.php', 51],
        ['child_func', 'test.php', 44],
        ['main', 'test.php', 63],
      ],
    }),
  ),
  parseRow(
    'TestParseExceptionPhpWithoutStacktrace',
    { ...PHP, type: 'Exception', message: 'Thrown from grandparent', stacktrace: '' },
    chain({ type: 'Exception', message: 'Thrown from grandparent', frames: [] }),
  ),
  parseRow(
    'TestParseExceptionPhpStacktraceWithCause',
    {
      ...PHP,
      type: 'Exception',
      message: 'Thrown from class B',
      stacktrace: [
        'Exception: Thrown from class B',
        '\tat B.exc(test.php:59)',
        '\tat fail(test.php:81)',
        '\tat main(test.php:89)',
        'Caused by: Exception: Thrown from class A',
      ].join('\n'),
    },
    (exceptions) => {
      chain(
        {
          type: 'Exception',
          message: 'Thrown from class B',
          frames: [
            ['B.exc', 'test.php', 59],
            ['fail', 'test.php', 81],
            ['main', 'test.php', 89],
          ],
        },
        { type: 'Exception', message: 'Thrown from class A', frames: [] },
      )(exceptions);
      expect(exceptions[1]!.remote).toBe(true);
    },
  ),
  parseRow(
    'TestParseExceptionPhpStacktraceWithCauseAndStacktrace',
    {
      ...PHP,
      type: 'Exception',
      message: 'Thrown from class B',
      stacktrace: [
        'Exception: Thrown from class B',
        '\tat B.exc(test.php:59)',
        '\tat fail(test.php:81)',
        '\tat main(test.php:89)',
        'Caused by: Exception: Thrown from class A',
        '\tat A.exc(test.php:48)',
        '\tat B.exc(test.php:56)',
        '\t... 2 more',
      ].join('\n'),
    },
    (exceptions) => {
      chain(
        {
          type: 'Exception',
          message: 'Thrown from class B',
          frames: [
            ['B.exc', 'test.php', 59],
            ['fail', 'test.php', 81],
            ['main', 'test.php', 89],
          ],
        },
        {
          type: 'Exception',
          message: 'Thrown from class A',
          frames: [
            ['A.exc', 'test.php', 48],
            ['B.exc', 'test.php', 56],
          ],
        },
      )(exceptions);
      expect(exceptions[1]!.remote).toBe(true);
    },
  ),
  parseRow(
    'TestParseExceptionPhpStacktraceWithMultipleCause',
    {
      ...PHP,
      type: 'Exception',
      message: 'Thrown from class C',
      stacktrace: [
        'Exception: Thrown from class C',
        '\tat C.exc(test.php:74)',
        '\tat main(test.php:89)',
        'Caused by: Exception: Thrown from class B',
        '\tat B.exc(test.php:59)',
        '\tat C.exc(test.php:71)',
        '\t... 3 more',
        'Caused by: Exception: Thrown from class A',
        '\tat A.exc(test.php:48)',
        '\tat B.exc(test.php:56)',
        '\t... 4 more',
      ].join('\n'),
    },
    chain(
      {
        type: 'Exception',
        message: 'Thrown from class C',
        frames: [
          ['C.exc', 'test.php', 74],
          ['main', 'test.php', 89],
        ],
      },
      {
        type: 'Exception',
        message: 'Thrown from class B',
        frames: [
          ['B.exc', 'test.php', 59],
          ['C.exc', 'test.php', 71],
        ],
      },
      {
        type: 'Exception',
        message: 'Thrown from class A',
        frames: [
          ['A.exc', 'test.php', 48],
          ['B.exc', 'test.php', 56],
        ],
      },
    ),
  ),
  parseRow(
    'TestParseExceptionPhpStacktraceMalformedLines',
    {
      ...PHP,
      type: 'Exception',
      message: 'Thrown from class B',
      stacktrace: [
        'Exception: Thrown from class B',
        '\tat B.exc(test.php:59)',
        '\tat fail(test.php:81 malformed',
        '\tat main(test.php:89)',
      ].join('\n'),
    },
    chain({
      type: 'Exception',
      message: 'Thrown from class B',
      frames: [
        ['B.exc', 'test.php', 59],
        ['main', 'test.php', 89],
      ],
    }),
  ),
  parseRow(
    'TestParseExceptionGoWithoutStacktrace',
    {
      type: 'Exception',
      message: 'Thrown from grandparent',
      stacktrace: '',
      language: 'go',
      remote: true,
    },
    chain({ type: 'Exception', message: 'Thrown from grandparent', frames: [] }),
  ),
  parseRow(
    'TestParseExceptionGoWithStacktrace',
    {
      type: 'Exception',
      message: 'error message',
      stacktrace: GO_TRACE,
      language: 'go',
      remote: true,
    },
    goFrames(5, {
      0: [
        'go.opentelemetry.io/otel/sdk/trace.recordStackTrace',
        'otel-go-core/opentelemetry-go/sdk/trace/span.go',
        323,
      ],
      1: [
        'go.opentelemetry.io/otel/sdk/trace.(*span).RecordError',
        'otel-go-core/opentelemetry-go/sdk/trace/span.go',
        302,
      ],
      3: ['testing.tRunner', '/usr/local/Cellar/go/1.16.3/libexec/src/testing/testing.go', 1193],
      4: [
        'created by testing.(*T).Run',
        '/usr/local/Cellar/go/1.16.3/libexec/src/testing/testing.go',
        1238,
      ],
    }),
  ),
  parseRow(
    'TestParseMultipleExceptionGoWithStacktrace',
    {
      type: 'Exception',
      message: 'panic',
      stacktrace: GO_PANIC_TRACE,
      language: 'go',
      remote: true,
    },
    goFrames(11, {
      0: [
        'go.opentelemetry.io/otel/sdk/trace.recordStackTrace',
        'Documents/otel-go-core/opentelemetry-go/sdk/trace/span.go',
        318,
      ],
      7: [
        'github.com/stretchr/testify/require.PanicsWithError',
        'go/pkg/mod/github.com/stretchr/testify@v1.7.0/require/require.go',
        1607,
      ],
      8: [
        'go.opentelemetry.io/otel/sdk/trace.TestSpanCapturesPanicWithStackTrace',
        'Documents/otel-go-core/opentelemetry-go/sdk/trace/trace_test.go',
        1427,
      ],
      10: [
        'created by testing.(*T).Run',
        '/usr/local/Cellar/go/1.16.3/libexec/src/testing/testing.go',
        1238,
      ],
    }),
  ),
];

/** The rows of cause_test.go. */
export const causeFile: GoFile = { file: 'cause_test.go', vectors };
