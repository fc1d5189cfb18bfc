import { describe, it, expect, inject } from 'vitest';
import { checkEmulatorPropagation, startEmulator } from '../src/index.ts';

describe('checkEmulatorPropagation', () => {
  describe('against the LocalStack of the integration run', () => {
    it('finds every carrier of the trace header working', async () => {
      const report = await checkEmulatorPropagation();
      process.stderr.write(`${report.print()}\n(${report.durationMs} ms)\n`);
      expect(report.endpoint).toBe(inject('awsEndpoint'));
      expect(report.error).toBeUndefined();
      expect(report.checks.map((c) => [c.carrier, c.ok, c.fallbackOk])).toEqual([
        ['send-message', true, true],
        ['send-message-batch', true, true],
        ['http-header', true, true],
        ['sns-raw', true, true],
        ['sns-envelope', true, true],
      ]);
      expect(report.ok).toBe(true);
      expect(report.fallbacks).toEqual([]);
    });
  });
});

describe('startEmulator', () => {
  describe('with verifyPropagation, adopting the running LocalStack', () => {
    it('prints the one-line summary and returns the report', async () => {
      const log: string[] = [];
      const aws = await startEmulator({
        mode: 'external',
        verifyPropagation: true,
        log: (l) => log.push(l),
      });
      process.stderr.write(`verifyPropagation took ${aws.propagation?.durationMs} ms\n`);
      expect(aws.propagation?.ok).toBe(true);
      expect(log).toEqual([
        expect.stringMatching(/^mode external/),
        `trace header propagation at ${aws.endpoint}: AWSTraceHeader kept by all 5 carriers ` +
          '(SendMessage, SendMessageBatch, HTTP header, SNS→SQS raw, SNS→SQS envelope)',
      ]);
      await aws.stop();
    });
  });
});
