import { describe, it, expect, afterEach } from 'vitest';
import { createServer } from 'node:net';
import { checkEmulatorPropagation, type PropagationReport } from '../src/index.ts';
import { startFakeMessaging, type FakeMessaging } from './helpers/fake-messaging.ts';

let fake: FakeMessaging | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const okByCarrier = (report: PropagationReport) =>
  Object.fromEntries(report.checks.map((c) => [c.carrier, c.ok]));

describe('checkEmulatorPropagation', () => {
  describe('against an emulator that keeps only the explicit SendMessage attribute (like moto)', () => {
    it('reports each lost carrier and the fallback consumers must rely on', async () => {
      fake = await startFakeMessaging();
      const report = await checkEmulatorPropagation({ endpoint: fake.endpoint, timeoutMs: 1000 });
      expect(report.ok).toBe(false);
      expect(report.error).toBeUndefined();
      expect(okByCarrier(report)).toEqual({
        'send-message': true,
        'send-message-batch': false,
        'http-header': false,
        'sns-raw': false,
        'sns-envelope': false,
      });
      expect(report.checks.map((c) => c.fallbackOk)).toEqual([true, true, true, true, true]);
      expect(report.checks[1]?.detail).toBe('the received message has no AWSTraceHeader');
      expect(report.summary).toBe(
        `trace header propagation at ${fake.endpoint}: AWSTraceHeader kept by 1/5 carriers (SendMessage); ` +
          'lost by SendMessageBatch, HTTP header, SNS→SQS raw, SNS→SQS envelope → consumers fall back to ' +
          'message attributes, SNS envelope attributes',
      );
      expect(report.fallbacks).toHaveLength(4);
      expect(report.fallbacks[0]).toMatch(/^SendMessageBatch drops each entry’s AWSTraceHeader/);
      expect(report.fallbacks[1]).toContain('the explicit attribute works here');
      expect(report.fallbacks[3]).toContain('MessageAttributes inside the SNS envelope');
      expect(report.print()).toContain(
        '  ✗ SNS Publish with the HTTP X-Amzn-Trace-Id header → SQS, raw delivery: the received message has no AWSTraceHeader',
      );
    });

    it('deletes the queues and the topic it created', async () => {
      fake = await startFakeMessaging();
      await checkEmulatorPropagation({ endpoint: fake.endpoint, timeoutMs: 1000 });
      expect(fake.calls.filter((c) => c === 'sqs:CreateQueue')).toHaveLength(3);
      expect(fake.calls.filter((c) => c === 'sqs:DeleteQueue')).toHaveLength(3);
      expect(fake.calls).toContain('sns:DeleteTopic');
      expect(fake.calls.filter((c) => c === 'sns:Unsubscribe')).toHaveLength(2);
      expect(fake.live()).toEqual([]);
    });
  });

  describe('against an emulator that keeps every carrier', () => {
    it('passes all five checks', async () => {
      fake = await startFakeMessaging({
        batchSystemAttribute: true,
        httpHeader: true,
        snsHeader: true,
      });
      const report = await checkEmulatorPropagation({ endpoint: fake.endpoint, timeoutMs: 1000 });
      expect(report.ok).toBe(true);
      expect(report.checks.every((c) => c.ok)).toBe(true);
      expect(report.checks[1]?.detail).toBe('AWSTraceHeader intact on all 2 entries');
      expect(report.fallbacks).toEqual([]);
      expect(report.summary).toContain('AWSTraceHeader kept by all 5 carriers');
    });
  });

  describe('against an emulator that loses message attributes too', () => {
    it('says that nothing carries the trace', async () => {
      fake = await startFakeMessaging({ systemAttribute: false, messageAttributes: false });
      const report = await checkEmulatorPropagation({ endpoint: fake.endpoint, timeoutMs: 1000 });
      expect(report.checks.map((c) => c.ok)).toEqual([false, false, false, false, false]);
      // The envelope's attributes live in the body, which this fake keeps.
      expect(report.checks.map((c) => c.fallbackOk)).toEqual([false, false, false, false, true]);
      expect(report.fallbacks[0]).toContain(
        'but the message attributes were lost too: nothing carries the trace here',
      );
    });
  });

  describe('when the endpoint does not answer', () => {
    it('returns a report with the error instead of throwing', async () => {
      const port = await closedPort();
      const report = await checkEmulatorPropagation({ endpoint: `http://127.0.0.1:${port}` });
      expect(report.ok).toBe(false);
      expect(report.checks).toEqual([]);
      expect(report.error).toMatch(/^could not create the probe queues\/topic: /);
      expect(report.summary).toMatch(
        new RegExp(`^trace header propagation at http://127\\.0\\.0\\.1:${port}: not checked \\(`),
      );
    });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
