// The SQS and SNS clients of the propagation probe: untraced, with an optional HTTP trace header.
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';

/** The two clients and a way to release their sockets. */
export interface ProbeClients {
  sqs: SQSClient;
  sns: SNSClient;
  destroy(): void;
}

/** Clients for `endpoint` (empty: the SDK's own configuration, i.e. AWS). */
export function probeClients(endpoint: string, region: string): ProbeClients {
  const config: ConstructorParameters<typeof SQSClient>[0] = { region, maxAttempts: 2 };
  if (endpoint) config.endpoint = endpoint;
  if (endpoint && !process.env.AWS_ACCESS_KEY_ID) {
    config.credentials = { accessKeyId: 'test', secretAccessKey: 'test' }; // emulators accept any
  }
  const sqs = new SQSClient(config);
  const sns = new SNSClient(config);
  return {
    sqs,
    sns,
    destroy: () => {
      sqs.destroy();
      sns.destroy();
    },
  };
}

/**
 * Runs `fn` with no active span and tracing suppressed: an instrumented test process neither
 * records the probe nor replaces the probe's own trace headers with its context.
 */
export function untraced<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(ROOT_CONTEXT), fn);
}

/** A command whose middleware stack takes a build-step middleware (any SQS or SNS command). */
interface WithMiddlewareStack {
  middlewareStack: { add(middleware: never, options: { step: 'build'; name: string }): void };
}

/**
 * Adds a build-step middleware to `command` that puts `X-Amzn-Trace-Id: header` on its HTTP
 * request, where SQS and SNS read it from (as the AWS SDK does inside Lambda).
 */
export function addTraceHeader<C extends WithMiddlewareStack>(command: C, header: string): C {
  const middleware =
    (next: (args: { request: unknown }) => unknown) =>
    (args: { request: unknown }): unknown => {
      const request = args.request as { headers?: Record<string, string> } | undefined;
      if (request?.headers) request.headers['X-Amzn-Trace-Id'] = header;
      return next(args);
    };
  command.middlewareStack.add(middleware as never, {
    step: 'build',
    name: 'otelXRayPropagationProbeHeader',
  });
  return command;
}
