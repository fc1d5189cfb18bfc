import { describe, it, expect } from 'vitest';
import { validateSegmentDocument } from '@otel-xray/core';
import { facadeSegments } from '../../src/lambda/facade-segments.ts';
import type { FacadeInput } from '../../src/lambda/facade-segments.ts';
import { resolveFunctionConfig } from '../../src/lambda/function-config.ts';
import { invocationTrace } from '../../src/lambda/invocation-trace.ts';

const config = resolveFunctionConfig(
  { name: 'notify', handler: 'index.handler', taskRoot: '/tmp', region: 'eu-west-1' },
  {},
);
const caller = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

function input(over: Partial<FacadeInput> = {}): FacadeInput {
  let n = 0;
  const seq = ['1111111111111111', '2222222222222222'];
  return {
    config,
    trace: invocationTrace(caller, 'Active', { nowMs: 0, segmentId: () => seq[n++] ?? 'x' }),
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    times: { received: 1000, invocationStart: 1010, invocationEnd: 1050, overheadEnd: 1052 },
    outcome: { kind: 'ok' },
    newId: (() => {
      let i = 0;
      return () => (++i).toString(16).padStart(16, 'a');
    })(),
    ...over,
  };
}

describe('facadeSegments', () => {
  describe('for a warm invocation', () => {
    it('writes the AWS::Lambda segment under the caller and the function segment under it', () => {
      const [service, fn] = facadeSegments(input());
      expect(service).toMatchObject({
        name: 'notify',
        id: '1111111111111111',
        parent_id: '53995c3f42cd8ad8',
        trace_id: '1-5759e988-bd862e3fe1be46a994272793',
        origin: 'AWS::Lambda',
        resource_arn: 'arn:aws:lambda:eu-west-1:000000000000:function:notify',
        aws: { request_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678' },
        http: { response: { status: 200 } },
        start_time: 1,
        end_time: 1.05,
      });
      expect(fn).toMatchObject({
        id: '2222222222222222',
        parent_id: '1111111111111111',
        origin: 'AWS::Lambda::Function',
        aws: {
          function_arn: 'arn:aws:lambda:eu-west-1:000000000000:function:notify',
          resource_names: ['notify'],
          cloudwatch_logs: [{ log_group: '/aws/lambda/notify' }],
        },
        start_time: 1.01,
        end_time: 1.052,
      });
      expect(fn.subsegments?.map((s) => s.name)).toEqual(['Invocation', 'Overhead']);
      for (const doc of [service, fn]) expect(validateSegmentDocument(doc).ok).toBe(true);
    });
  });

  describe('for a cold start', () => {
    it('adds Initialization, from the process start to its first next', () => {
      const times = {
        received: 1000,
        initStart: 1001,
        initEnd: 1200,
        invocationStart: 1201,
        invocationEnd: 1250,
        overheadEnd: 1251,
      };
      const [, fn] = facadeSegments(input({ times }));
      expect(fn.start_time).toBe(1.001);
      expect(fn.subsegments?.map((s) => [s.name, s.start_time, s.end_time])).toEqual([
        ['Initialization', 1.001, 1.2],
        ['Invocation', 1.201, 1.25],
        ['Overhead', 1.25, 1.251],
      ]);
    });
  });

  describe('for a function error', () => {
    it('marks the function segment and Invocation as faults with the runtime cause', () => {
      const xrayCause = JSON.stringify({
        working_directory: '/var/task',
        exceptions: [
          {
            type: 'TypeError',
            message: 'boom',
            stack: [{ path: 'index.mjs', line: 3, label: 'handler' }],
          },
        ],
        paths: ['index.mjs'],
      });
      const [, fn] = facadeSegments(
        input({
          outcome: { kind: 'error', errorType: 'TypeError', errorMessage: 'boom', xrayCause },
        }),
      );
      expect(fn.fault).toBe(true);
      const invocation = fn.subsegments?.find((s) => s.name === 'Invocation');
      expect(invocation).toMatchObject({
        fault: true,
        cause: {
          working_directory: '/var/task',
          exceptions: [{ type: 'TypeError', message: 'boom' }],
        },
      });
      expect(validateSegmentDocument(fn).ok).toBe(true);
    });

    it('builds the cause from the error itself when the X-Ray cause is malformed', () => {
      const [, fn] = facadeSegments(
        input({
          outcome: {
            kind: 'error',
            errorType: 'Sandbox.Timedout',
            errorMessage: 'Task timed out',
            xrayCause: '{nope',
          },
        }),
      );
      const invocation = fn.subsegments?.find((s) => s.name === 'Invocation');
      expect(invocation?.cause).toMatchObject({
        exceptions: [{ type: 'Sandbox.Timedout', message: 'Task timed out' }],
      });
    });
  });

  describe('with links', () => {
    it('puts them on the AWS::Lambda segment', () => {
      const links = [{ trace_id: '1-5759e988-bd862e3fe1be46a994272796', id: '53995c3f42cd8ad9' }];
      const [service, fn] = facadeSegments(input({ links }));
      expect(service.links).toEqual(links);
      expect(fn.links).toBeUndefined();
    });
  });
});
