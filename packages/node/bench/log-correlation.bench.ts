// Per-log-line cost of the X-Ray log correlation, side by side in one run: each logger with the
// correlation ("ours") against the same logger without it ("peer"), inside an active span and
// with none; and our pino mixin against OpenTelemetry's @opentelemetry/instrumentation-pino doing
// the same job through its logHook (the other way the issue named). Lines go to a sink that
// drops them, so the cost measured is building the line. Prints ns/line and the ratio.
//   pnpm bench log-correlation
//   node --conditions=otel-xray-source --expose-gc packages/node/bench/log-correlation.bench.ts
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { context, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { XRayIdGenerator } from '@otel-xray/core';
import { LOG_FIELDS, xrayLogFields, xrayPinoOptions, xrayWinstonFormat } from '@otel-xray/node';
import type { Logger as PinoLogger, pino as PinoFactory } from 'pino';
import type * as Winston from 'winston';
import type { InstrumentationBase } from '@opentelemetry/instrumentation';
import { compare } from '../../../scripts/bench/compare.ts';

const INNER = 200; // lines per timed call
const require = createRequire(import.meta.url);
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const tracer = new TracerProvider({ idGenerator: new XRayIdGenerator() }).getTracer('bench');
const span: Span = tracer.startSpan('bench');
const spanContext = trace.setSpan(context.active(), span);
// Each timed call enters the span (both sides alike), as a request handler's lines are written.
const inSpan =
  (run: () => void): (() => void) =>
  () =>
    context.with(spanContext, run);

const nowhere = { write: () => undefined };
const fields = { orderId: 'o-1f3a', sku: 'sku-apple', qty: 2 };
const pinoLines = (logger: PinoLogger) => () => {
  for (let i = 0; i < INNER; i++) logger.info(fields, 'stock reserved');
};

type Case = [name: string, ours: () => void, peer: () => void];

/** Fails the run unless `make(dest)` writes the X-Ray field inside the span: the case measures real work. */
function checkWritesIds(make: (dest: { write: (line: string) => void }) => PinoLogger): void {
  const seen: string[] = [];
  const logger = make({ write: (line) => void seen.push(line) });
  inSpan(() => logger.info('check'))();
  if (!seen[0]?.includes(LOG_FIELDS.xrayTraceId)) throw new Error(`no X-Ray field: ${seen[0]}`);
}

function pinoCases(): Case[] {
  const { pino } = require('pino') as { pino: typeof PinoFactory };
  const plain = pino({}, nowhere);
  const mixed = pino({ mixin: xrayLogFields }, nowhere);
  const ours = pino(xrayPinoOptions(), nowhere);
  checkWritesIds((dest) => pino(xrayPinoOptions(), dest));
  return [
    ['pino: xrayPinoOptions vs none, in a span', inSpan(pinoLines(ours)), inSpan(pinoLines(plain))],
    ['pino: xrayPinoOptions vs none, no span', pinoLines(ours), pinoLines(plain)],
    ['pino: bare mixin xrayLogFields vs none, no span', pinoLines(mixed), pinoLines(plain)],
  ];
}

function winstonCases(): Case[] {
  const winston = require('winston') as typeof Winston;
  const discard = new Writable({ write: (_c, _e, done) => done() });
  const make = (withIds: boolean) =>
    winston.createLogger({
      format: withIds
        ? winston.format.combine(xrayWinstonFormat(), winston.format.json())
        : winston.format.json(),
      transports: [new winston.transports.Stream({ stream: discard })],
    });
  const lines = (logger: ReturnType<typeof make>) => () => {
    for (let i = 0; i < INNER; i++) logger.info('stock reserved', fields);
  };
  const ours = make(true);
  const peer = make(false);
  return [
    ['winston: format vs none, in a span', inSpan(lines(ours)), inSpan(lines(peer))],
    ['winston: format vs none, no span', lines(ours), lines(peer)],
  ];
}

/** OpenTelemetry's pino instrumentation with a logHook writing the X-Ray field; log sending off. */
function instrumentationCase(): Case {
  // Loaded before the instrumentation is registered: this copy stays unpatched, for ours.
  const original = (require('pino') as { pino: typeof PinoFactory }).pino;
  // Not a dependency of ours (it would add a second @opentelemetry/core): reached through the
  // auto-instrumentations-node dev dependency.
  const fromAuto = createRequire(require.resolve('@opentelemetry/auto-instrumentations-node'));
  const { PinoInstrumentation } = fromAuto('@opentelemetry/instrumentation-pino') as {
    PinoInstrumentation: new (config: {
      disableLogSending: boolean;
      logHook: (span: Span, record: Record<string, unknown>) => void;
    }) => InstrumentationBase;
  };
  registerInstrumentations({
    instrumentations: [
      new PinoInstrumentation({
        disableLogSending: true,
        logHook: (active, record) => {
          const { traceId, spanId } = active.spanContext();
          record[LOG_FIELDS.xrayTraceId] = `1-${traceId.slice(0, 8)}-${traceId.slice(8)}@${spanId}`;
        },
      }),
    ],
  });
  const { pino } = require('pino') as { pino: typeof PinoFactory }; // patched on load
  const instrumented = pino({}, nowhere);
  checkWritesIds((dest) => pino({}, dest));
  if (pino === original) throw new Error('instrumentation-pino did not patch pino');
  const ours = original(xrayPinoOptions(), nowhere);
  return [
    'pino: our mixin vs instrumentation-pino + logHook, in a span',
    inSpan(pinoLines(ours)),
    inSpan(pinoLines(instrumented)),
  ];
}

const names = [
  'pino: xrayPinoOptions vs none, in a span',
  'pino: xrayPinoOptions vs none, no span',
  'pino: bare mixin xrayLogFields vs none, no span',
  'winston: format vs none, in a span',
  'winston: format vs none, no span',
  'pino: our mixin vs instrumentation-pino + logHook, in a span',
];

const ns = (opsPerSecond: string): string =>
  (1e9 / Number(opsPerSecond.replaceAll(',', ''))).toFixed(0);

// Each case runs in a fresh child (the instrumentation patches pino for the whole process).
const only = process.argv[2];
if (only !== undefined) {
  const all = only.startsWith('pino: our')
    ? [instrumentationCase()]
    : only.startsWith('pino')
      ? pinoCases()
      : winstonCases();
  const found = all.find(([name]) => name === only);
  if (found) {
    const row = compare(found[0], found[1], found[2], 0, INNER, 31);
    process.stdout.write(
      JSON.stringify({
        case: row.case,
        'ours ns/line': ns(row['ours ops/s']),
        'peer ns/line': ns(row['peer ops/s']),
        'ratio ours/peer (throughput)': row['ratio ours/peer'],
        'pairs p25–p75': row['pairs p25–p75'],
      }),
    );
  }
} else {
  const rows = names.map((name) => {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), name],
      {
        encoding: 'utf8',
      },
    );
    if (child.status !== 0 || !child.stdout.startsWith('{'))
      throw new Error(`${name}: ${child.stderr}`);
    return JSON.parse(child.stdout) as Record<string, string>;
  });
  console.table(rows);
  span.end();
}
