import { context, trace } from '@opentelemetry/api';
import type { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { traceHeaderForContext } from '@otel-xray/propagation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTracing } from '../src/index.ts';
import { startFakeDaemon, type FakeDaemon } from './support/daemon.ts';
import {
  captureDiag,
  freshEnvironment,
  FUNCTION_ARN,
  lambdaContext,
  setLambdaEnv,
} from './support/lambda-env.ts';

const ROOT = '1-6b15d809-13f9da93a5995fb0987e59de';
const FUNCTION_SEGMENT = '53995c3f42cd8ad8';
const SAMPLED = `Root=${ROOT};Parent=${FUNCTION_SEGMENT};Sampled=1;Lineage=a87bd80c:1|68fd508a:5`;

let daemon: FakeDaemon;
let memory: InMemorySpanExporter;

beforeEach(async () => {
  daemon = await startFakeDaemon();
  setLambdaEnv(daemon);
  memory = freshEnvironment();
});
afterEach(() => daemon.close());

describe('withTracing', () => {
  describe('under a sampled Lambda function segment', () => {
    it('sends the invocation and its children as subsegments of the function segment', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      const handler = withTracing(() => {
        trace.getTracer('app').startActiveSpan('load order', (span) => span.end());
        return 'done';
      });
      await expect(handler({}, lambdaContext())).resolves.toBe('done');
      const docs = await daemon.waitFor(2);
      const invocation = docs.find((d) => d.name === '## index.handler')!;
      const child = docs.find((d) => d.name === 'load order')!;
      expect(invocation).toMatchObject({
        type: 'subsegment',
        trace_id: ROOT,
        parent_id: FUNCTION_SEGMENT,
      });
      expect(child).toMatchObject({ type: 'subsegment', trace_id: ROOT, parent_id: invocation.id });
    });

    it('has flushed every span when the returned promise resolves', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      const handler = withTracing(() => {
        trace.getTracer('app').startActiveSpan('work', (span) => span.end());
      });
      await handler({}, lambdaContext());
      // The batch processor's own delay is a minute: only the wrapper's flush can have sent these.
      expect(memory.getFinishedSpans().map((s) => s.name)).toEqual(['work', '## index.handler']);
    });

    it('reads the header anew for each invocation', async () => {
      const handler = withTracing(() => undefined);
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      await handler({}, lambdaContext('a'));
      const other = `Root=1-6b15d809-000000000000000000000abc;Parent=1111111111111111;Sampled=1`;
      process.env._X_AMZN_TRACE_ID = other;
      await handler({}, lambdaContext('b'));
      const [first, second] = memory.getFinishedSpans();
      expect(first!.parentSpanContext?.spanId).toBe(FUNCTION_SEGMENT);
      expect(second!.parentSpanContext?.spanId).toBe('1111111111111111');
      expect(second!.spanContext().traceId).toBe('6b15d809000000000000000000000abc');
    });

    it('keeps Lineage in the header of downstream calls', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      let outgoing: string | undefined;
      const handler = withTracing(() => {
        outgoing = traceHeaderForContext(context.active());
      });
      await handler({}, lambdaContext());
      const span = memory.getFinishedSpans()[0]!;
      expect(outgoing).toBe(
        `Root=${ROOT};Parent=${span.spanContext().spanId};Sampled=1;Lineage=a87bd80c:1|68fd508a:5`,
      );
    });

    it('marks only the first invocation of the environment as a cold start', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      const handler = withTracing(() => undefined);
      await handler({}, lambdaContext('a'));
      await handler({}, lambdaContext('b'));
      await daemon.waitFor(2);
      const byRequest = (id: string) =>
        daemon.documents.find((d) => d.metadata?.default?.['faas.invocation_id'] === id)!;
      expect(byRequest('a').annotations).toEqual({ ColdStart: true });
      expect(byRequest('a').metadata?.default?.['faas.coldstart']).toBe(true);
      expect(byRequest('b').annotations).toEqual({ ColdStart: false });
      expect(byRequest('b').metadata?.default?.['faas.coldstart']).toBe(false);
    });

    it('records the function ARN, account, version and request id', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      await withTracing(() => undefined)({}, lambdaContext('req-9'));
      expect(memory.getFinishedSpans()[0]!.attributes).toMatchObject({
        'cloud.resource_id': FUNCTION_ARN,
        'aws.lambda.invoked_arn': FUNCTION_ARN,
        'cloud.account.id': '123456789012',
        'faas.version': '$LATEST',
        'faas.invocation_id': 'req-9',
        'faas.trigger': 'other',
      });
    });
  });

  describe('Sampled=0', () => {
    it('records nothing by default and says why once at info level', async () => {
      process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${FUNCTION_SEGMENT};Sampled=0`;
      let outgoing: string | undefined;
      const handler = withTracing(() => {
        trace.getTracer('app').startActiveSpan('work', (span) => span.end());
        outgoing = traceHeaderForContext(context.active());
        return 1;
      });
      const { result, lines } = await captureDiag(() => handler({}, lambdaContext('r0')));
      expect(result).toBe(1);
      expect(memory.getFinishedSpans()).toEqual([]);
      expect(lines.join('\n')).toMatch(
        /invocation r0 not recorded: _X_AMZN_TRACE_ID says Sampled=0/,
      );
      expect(outgoing).toMatch(new RegExp(`^Root=${ROOT};Parent=[0-9a-f]{16};Sampled=0$`));
    });

    it("starts a new trace linked to the caller with unsampled: 'new-trace'", async () => {
      process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${FUNCTION_SEGMENT};Sampled=0`;
      await withTracing(() => undefined, { unsampled: 'new-trace' })({}, lambdaContext());
      const [span] = memory.getFinishedSpans();
      expect(span!.spanContext().traceId).not.toBe(ROOT.replaceAll('-', '').slice(1));
      expect(span!.parentSpanContext).toBeUndefined();
      expect(span!.links[0]!.context.spanId).toBe(FUNCTION_SEGMENT);
    });
  });

  describe('without a Lambda header', () => {
    it('starts its own trace, sent as a segment of the function', async () => {
      await withTracing(() => undefined)({}, lambdaContext());
      const [doc] = await daemon.waitFor(1);
      expect(doc!.type).toBeUndefined();
      expect(doc!.parent_id).toBeUndefined();
      expect(doc!.name).toBe('orders-fn');
    });

    it('decides Sampled=? itself and keeps the parent', async () => {
      process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${FUNCTION_SEGMENT};Sampled=?`;
      await withTracing(() => undefined)({}, lambdaContext());
      expect(memory.getFinishedSpans()[0]!.parentSpanContext?.spanId).toBe(FUNCTION_SEGMENT);
    });

    it('treats a malformed header as absent', async () => {
      process.env._X_AMZN_TRACE_ID = 'Root=nonsense;Parent=;Sampled=1';
      await expect(withTracing(() => 7)({}, lambdaContext())).resolves.toBe(7);
      expect(memory.getFinishedSpans()[0]!.parentSpanContext).toBeUndefined();
    });
  });

  describe('handler errors', () => {
    it('rethrows the error unchanged after recording it as a fault and flushing', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      const boom = new Error('out of stock');
      await expect(
        withTracing(() => {
          throw boom;
        })({}, lambdaContext()),
      ).rejects.toBe(boom);
      const [doc] = await daemon.waitFor(1);
      expect(doc).toMatchObject({ fault: true });
      expect(doc!.cause).toMatchObject({ exceptions: [{ message: 'out of stock' }] });
    });

    it('supports callback-style handlers, errors included', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      const ok = withTracing((_event: unknown, _ctx, callback: (e?: unknown, r?: string) => void) =>
        setImmediate(() => callback(null, 'via callback')),
      );
      await expect(ok({}, lambdaContext())).resolves.toBe('via callback');
      const failing = withTracing((_event: unknown, _ctx, callback: (e?: unknown) => void) =>
        callback(new Error('bad')),
      );
      await expect(failing({}, lambdaContext())).rejects.toThrow('bad');
      expect(ok.length).toBe(2);
    });
  });

  describe('flush bound', () => {
    it('returns within the bound when the exporter hangs', async () => {
      process.env._X_AMZN_TRACE_ID = SAMPLED;
      const never = {
        onStart() {},
        onEnd() {},
        forceFlush: () => new Promise<void>(() => {}),
        shutdown: () => Promise.resolve(),
      };
      freshEnvironmentWith(never);
      const { result, lines } = await captureDiag(() =>
        withTracing(() => 'answered', { flushTimeoutMillis: 20 })({}, lambdaContext()),
      );
      expect(result).toBe('answered');
      expect(lines.join('\n')).toMatch(/spans still pending after 20 ms/);
    });
  });
});

function freshEnvironmentWith(processor: object): void {
  // Same environment, one more processor whose flush never ends.
  freshEnvironment();
  const provider = trace.getTracerProvider() as unknown as {
    _delegate?: { _activeSpanProcessor?: { _spanProcessors: object[] } };
  };
  const processors = provider._delegate?._activeSpanProcessor?._spanProcessors;
  if (processors === undefined) throw new Error('cannot reach the span processors');
  processors.push(processor);
}
