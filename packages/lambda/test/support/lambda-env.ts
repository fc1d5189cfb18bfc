import { diag, DiagLogLevel } from '@opentelemetry/api';
import { BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { resetLambdaTracingForTests } from '../../src/lambda-tracing.ts';
import { startLambdaTracing } from '../../src/index.ts';
import type { LambdaContext } from '../../src/index.ts';
import type { FakeDaemon } from './daemon.ts';

export const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders-fn';

/** The environment variables Lambda sets, pointing the daemon address at `daemon`. */
export function setLambdaEnv(daemon: FakeDaemon): void {
  Object.assign(process.env, {
    AWS_XRAY_DAEMON_ADDRESS: daemon.address,
    AWS_LAMBDA_FUNCTION_NAME: 'orders-fn',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_REGION: 'us-east-1',
    _HANDLER: 'index.handler',
  });
  delete process.env._X_AMZN_TRACE_ID;
  delete process.env.OTEL_XRAY_LAMBDA_HANDLER;
}

/** A fresh execution environment: tracing reset, cold start pending, spans also kept in memory. */
export function freshEnvironment(): InMemorySpanExporter {
  resetLambdaTracingForTests();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('@otel-xray/lambda.invoked')];
  const memory = new InMemorySpanExporter();
  // A long delay: spans reach `memory` only through the wrapper's flush.
  startLambdaTracing({
    spanProcessors: [new BatchSpanProcessor({ exporter: memory, scheduledDelayMillis: 60_000 })],
  });
  return memory;
}

/** A Lambda context for request `id`. */
export function lambdaContext(id = 'req-1', remainingMillis = 3000): LambdaContext {
  return {
    awsRequestId: id,
    invokedFunctionArn: FUNCTION_ARN,
    functionName: 'orders-fn',
    functionVersion: '$LATEST',
    getRemainingTimeInMillis: () => remainingMillis,
  };
}

/** Collects diag lines at `level` and above while `run` runs. */
export async function captureDiag<T>(
  run: () => Promise<T>,
  level = DiagLogLevel.DEBUG,
): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const keep = (message: string): void => void lines.push(message);
  diag.setLogger({ error: keep, warn: keep, info: keep, debug: keep, verbose: keep }, level);
  try {
    return { result: await run(), lines };
  } finally {
    diag.disable();
  }
}
