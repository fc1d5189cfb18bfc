// Lean vs OTel instrumentation on the integration suites' traffic: the order system runs twice side
// by side — every service with OTEL_XRAY_INSTRUMENTATION=lean in one, =otel in the other, each
// with its own local X-Ray — the same traffic goes through both (see equivalence-traffic.ts), and
// every segment document of every trace must be the same apart from the values that differ per
// run (IDs, times, ports, order and message IDs, the resource-name prefix: segment-normaliser.ts).
// Traces are paired by what they stand for, entities by their place in the tree (trace-tree.ts).
import { describe, expect, it } from 'vitest';
import { comparableRun } from './support/equivalence/comparable-run.ts';
import { diffRuns } from './support/equivalence/document-diff.ts';
import { driveTraffic } from './support/equivalence/equivalence-traffic.ts';
import { readAllTraces } from './support/equivalence/read-all-traces.ts';
import { runValues } from './support/equivalence/run-values.ts';
import { report, useOrderSystem } from './support/order-system.ts';

const MODES = ['lean', 'otel'] as const;
const systems = MODES.map((mode) =>
  useOrderSystem(
    `equiv-${mode}`,
    // 3 s rather than 1 s: a message handled slowly on a loaded machine must not be received twice
    // (an extra consumer segment in one run only)
    { OTEL_XRAY_INSTRUMENTATION: mode, VISIBILITY_TIMEOUT: '3' },
    { notifications: true },
  ),
);

/** Every trace the traffic leaves, by key (see trace-tree.ts); the unsampled order has none of its own. */
const EXPECTED_TRACES = [
  '(no order): inventory (dead-lettered: "body is not JSON")',
  '(no order): notifications (AWS::Lambda) #1',
  '(no order): notifications (AWS::Lambda) #2',
  '(no order): notifications (AWS::Lambda) #3',
  '(no order): shipping (dead-lettered: "orderId missing")',
  'bounced-notification: orders',
  'happy: notifications (AWS::Lambda)',
  'happy: orders',
  'invalid: orders',
  'multi-line: notifications (AWS::Lambda)',
  'multi-line: orders',
  'poison: notifications (AWS::Lambda)',
  'poison: orders',
  'publish-fault: orders',
  'traced-upstream: notifications (AWS::Lambda)',
  'traced-upstream: orders',
  'unsampled: notifications (AWS::Lambda)',
];

describe('lean instrumentation', () => {
  describe("on the integration suites' traffic", () => {
    it('gives the same segment documents as the OTel instrumentation, trace by trace', async () => {
      const since = Date.now();
      const driven = await Promise.all(systems.map((ctx) => driveTraffic(ctx.system)));
      // SIGTERM makes every service export what it holds before it exits; the runner's own
      // Lambda segments are flushed first. Reads then wait for every datagram already sent.
      await Promise.all(
        systems.map(async (ctx) => {
          await ctx.system.notifications?.flush();
          await ctx.system.stop();
        }),
      );
      const [lean, otel] = await Promise.all(
        systems.map(async (ctx, i) =>
          comparableRun(await readAllTraces(ctx.client, since), runValues(ctx.system, driven[i]!)),
        ),
      );
      const statuses = driven.map((d) =>
        Object.fromEntries([...d.responses].map(([label, placed]) => [label, placed.status])),
      );
      expect(statuses[0]).toEqual(statuses[1]);
      expect(statuses[0]).toMatchObject({ happy: 201, 'publish-fault': 500, invalid: 400 });
      // otel is the reference: its traces are the traffic's (so equality cannot hold vacuously)
      expect([...otel!.keys()], 'traces of the otel run').toEqual(EXPECTED_TRACES);
      const entities = [...otel!.values()].reduce((n, t) => n + t.size, 0);
      report(`[equivalence] ${otel!.size} traces, ${entities} segments and subsegments (otel run)`);
      const differences = diffRuns(lean!, otel!, MODES);
      expect(differences, `lean and otel differ:\n${differences.join('\n')}`).toEqual([]);
    }, 150_000);
  });
});
