import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTrace, nowSeconds } from '../helpers/documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { findVenvBin } from '../helpers/venv.ts';
import { MATCH_ALL_RULE } from '../helpers/sampling-rule.ts';

const run = promisify(execFile);
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
};
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function aws(...args: string[]): Promise<ReturnType<typeof JSON.parse>> {
  const { stdout } = await run(
    findVenvBin('aws'),
    [
      'xray',
      ...args,
      '--endpoint-url',
      s.xray.endpoint,
      '--region',
      'us-east-1',
      '--output',
      'json',
    ],
    { env },
  );
  return stdout.trim() === '' ? {} : JSON.parse(stdout);
}

describe('real AWS clients', () => {
  describe('AWS CLI', () => {
    it('puts segments, queries summaries with a filter, batch-gets traces, reads the graph and creates a sampling rule', async () => {
      const { trace, documents } = demoTrace(nowSeconds() - 30, { fault: true, orderId: 'cli-1' });
      const put = await aws(
        'put-trace-segments',
        '--trace-segment-documents',
        ...documents.map((d) => JSON.stringify(d)),
      );
      expect(put.UnprocessedTraceSegments).toEqual([]);
      const now = nowSeconds();
      const summaries = await aws(
        'get-trace-summaries',
        '--start-time',
        String(now - 600),
        '--end-time',
        String(now + 60),
        '--filter-expression',
        'annotation.order_id = "cli-1"',
      );
      expect(summaries.TraceSummaries.map((t: { Id: string }) => t.Id)).toEqual([trace]);
      expect(summaries.TraceSummaries[0].HasFault).toBe(false);
      const traces = await aws('batch-get-traces', '--trace-ids', trace);
      expect(traces.Traces[0].Segments).toHaveLength(5);
      const graph = await aws(
        'get-service-graph',
        '--start-time',
        String(now - 600),
        '--end-time',
        String(now + 60),
      );
      expect(graph.Services.map((n: { Name: string }) => n.Name)).toEqual(
        expect.arrayContaining(['orders', 'inventory', 'SNS', 'SQS']),
      );
      const rule = await aws(
        'create-sampling-rule',
        '--sampling-rule',
        JSON.stringify({
          RuleName: 'cli',
          Priority: 9,
          FixedRate: 0.2,
          ReservoirSize: 2,
          ...MATCH_ALL_RULE,
        }),
      );
      expect(rule.SamplingRuleRecord.SamplingRule.RuleARN).toBe(
        'arn:aws:xray:us-east-1:000000000000:sampling-rule/cli',
      );
      const error = await aws(
        'batch-get-traces',
        '--trace-ids',
        ...Array.from({ length: 6 }, () => trace),
      ).catch((e: { stderr: string }) => e.stderr);
      expect(String(error)).toContain('InvalidRequestException');
      expect(String(error)).toContain('Exceeding maximum query size: 5');
    }, 120_000);
  });

  describe('boto3', () => {
    it('drives the same operations and raises typed exceptions', async () => {
      const { trace, documents } = demoTrace(nowSeconds() - 40, { fault: true, orderId: 'boto-1' });
      const { stdout } = await run(
        findVenvBin('python'),
        [join(import.meta.dirname, 'boto3-client.py'), s.xray.endpoint, JSON.stringify(documents)],
        { env },
      );
      const out = JSON.parse(stdout);
      expect(out.put).toEqual([]);
      expect(out.summaries).toContain(trace);
      expect(out.traces[0].sort()).toEqual(['SNS', 'SQS', 'inventory', 'orders', 'shipping']);
      expect(out.graph).toEqual(
        expect.arrayContaining([
          ['SNS', 'AWS::SNS'],
          ['SQS', 'AWS::SQS::Queue'],
          ['orders', 'client'],
        ]),
      );
      expect(out.error).toBe('Exceeding maximum query size: 5');
      expect(out.rule).toBe('arn:aws:xray:us-east-1:000000000000:sampling-rule/boto');
      expect(out.poller_rules).toEqual(expect.arrayContaining(['Default', 'boto']));
      expect(out.poller_targets).toEqual(['boto']);
    }, 120_000);
  });
});
