import { describe, it, expect } from 'vitest';
import {
  localStackContainerPlan,
  describeContainerPlan,
  containerExitError,
  DEFAULT_LOCALSTACK_IMAGE,
} from '../src/emulator/container-plan.ts';
import { createLocalStackContainer, ReadyOrExitWait } from '../src/emulator/container-runtime.ts';

const TOKEN = 'ls-SECRET-token-1234';

describe('localStackContainerPlan', () => {
  describe('with defaults', () => {
    const plan = localStackContainerPlan({}, {});

    it('uses the last token-free image, port 4566 and the Ready log line', () => {
      expect(DEFAULT_LOCALSTACK_IMAGE).toBe('localstack/localstack:4.14.0');
      expect(plan).toMatchObject({
        image: DEFAULT_LOCALSTACK_IMAGE,
        port: 4566,
        readyLogLine: 'Ready',
        startupTimeoutMs: 120_000,
      });
    });

    it('runs SQS and SNS eagerly with queue URLs that follow the mapped port', () => {
      expect(plan.environment).toEqual({
        SERVICES: 'sqs,sns',
        EAGER_SERVICE_LOADING: '1',
        SQS_ENDPOINT_STRATEGY: 'dynamic',
        PROVIDER_OVERRIDE_SNS: 'v2',
        DISABLE_EVENTS: '1',
        SQS_DISABLE_CLOUDWATCH_METRICS: '1',
      });
    });
  });

  describe('with LOCALSTACK_AUTH_TOKEN', () => {
    it('passes the token only when it is set', () => {
      expect(
        localStackContainerPlan({}, { LOCALSTACK_AUTH_TOKEN: TOKEN }).environment
          .LOCALSTACK_AUTH_TOKEN,
      ).toBe(TOKEN);
      expect(
        localStackContainerPlan({}, { LOCALSTACK_AUTH_TOKEN: '' }).environment,
      ).not.toHaveProperty('LOCALSTACK_AUTH_TOKEN');
    });

    it('never prints it', () => {
      const plan = localStackContainerPlan({}, { LOCALSTACK_AUTH_TOKEN: TOKEN });
      expect(describeContainerPlan(plan)).toContain('LOCALSTACK_AUTH_TOKEN=***');
      expect(describeContainerPlan(plan)).not.toContain(TOKEN);
      expect(containerExitError(plan, 55).message).not.toContain(TOKEN);
    });
  });

  describe('with overrides', () => {
    it('takes the image from options or OTEL_XRAY_LOCALSTACK_IMAGE, and extra environment', () => {
      expect(
        localStackContainerPlan({}, { OTEL_XRAY_LOCALSTACK_IMAGE: 'localstack/localstack:4.13.1' })
          .image,
      ).toBe('localstack/localstack:4.13.1');
      const plan = localStackContainerPlan(
        { image: 'mine:1', environment: { DEBUG: '1' }, startupTimeoutMs: 5 },
        {},
      );
      expect(plan).toMatchObject({ image: 'mine:1', startupTimeoutMs: 5 });
      expect(plan.environment.DEBUG).toBe('1');
    });
  });
});

describe('containerExitError', () => {
  describe('with exit code 55', () => {
    it('names both fixes', () => {
      const message = containerExitError(
        localStackContainerPlan({ image: 'localstack/localstack:latest' }, {}),
        55,
      ).message;
      expect(message).toContain('localstack/localstack:latest exited with code 55');
      expect(message).toContain('pin a token-free image: localstack/localstack:4.14.0');
      expect(message).toContain('set LOCALSTACK_AUTH_TOKEN');
    });
  });

  describe('with another exit code', () => {
    it('reports the code only', () => {
      expect(containerExitError(localStackContainerPlan({}, {}), 1).message).toBe(
        'LocalStack container localstack/localstack:4.14.0 exited with code 1 before it was ready.',
      );
    });
  });
});

describe('createLocalStackContainer', () => {
  describe('with the default plan (testcontainers 12, not started)', () => {
    it('configures image, environment, exposed port, wait strategy and timeout', async () => {
      const plan = localStackContainerPlan({}, { LOCALSTACK_AUTH_TOKEN: TOKEN });
      const container = (await createLocalStackContainer(plan)) as unknown as {
        imageName: { string: string };
        environment: Record<string, string>;
        exposedPorts: unknown[];
        waitStrategy: unknown;
        startupTimeoutMs: number;
      };
      expect(container.imageName.string).toBe('localstack/localstack:4.14.0');
      expect(container.environment).toEqual(plan.environment);
      expect(container.exposedPorts).toEqual([4566]);
      expect(container.startupTimeoutMs).toBe(120_000);
      expect(container.waitStrategy).toBeInstanceOf(ReadyOrExitWait);
      const inner = (container.waitStrategy as ReadyOrExitWait).inner as unknown as {
        message: string;
        times: number;
      };
      expect(inner).toMatchObject({ message: 'Ready', times: 1 });
    });
  });
});
