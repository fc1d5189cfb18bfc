// The OpenTelemetry instrumentations of `instrumentation: 'otel'` (http, undici, aws-sdk), loaded
// only when that mode is chosen. A static import would load them — a quarter of the bundle's main
// chunk, ≈ 105 KB — in `lean` mode too, where nothing uses them. `startTracing()` is synchronous, so
// they are required (their CommonJS builds, resolved from this package's dependencies at run time;
// the bundler does not follow a `require` made with createRequire).
import { diag } from '@opentelemetry/api';
import type * as HttpModule from '@opentelemetry/instrumentation-http';
import type * as UndiciModule from '@opentelemetry/instrumentation-undici';
import type * as AwsSdkModule from '@opentelemetry/instrumentation-aws-sdk';
import { createRequire } from 'node:module';

/** The instrumentation classes of `otel` mode. */
export interface OtelInstrumentations {
  HttpInstrumentation: typeof HttpModule.HttpInstrumentation;
  UndiciInstrumentation: typeof UndiciModule.UndiciInstrumentation;
  AwsInstrumentation: typeof AwsSdkModule.AwsInstrumentation;
}

let loaded: OtelInstrumentations | undefined;

/**
 * Loads the three instrumentation packages on first use, or returns undefined — after a `diag`
 * error that names the fix — when they cannot be loaded (an application bundled without them).
 * `load` is for tests.
 */
export function otelInstrumentations(
  load: (id: string) => unknown = createRequire(import.meta.url),
): OtelInstrumentations | undefined {
  if (loaded !== undefined) return loaded;
  try {
    loaded = {
      HttpInstrumentation: (load('@opentelemetry/instrumentation-http') as typeof HttpModule)
        .HttpInstrumentation,
      UndiciInstrumentation: (load('@opentelemetry/instrumentation-undici') as typeof UndiciModule)
        .UndiciInstrumentation,
      AwsInstrumentation: (load('@opentelemetry/instrumentation-aws-sdk') as typeof AwsSdkModule)
        .AwsInstrumentation,
    };
    return loaded;
  } catch (error) {
    diag.error(
      "@otel-xray/node: instrumentation 'otel' needs @opentelemetry/instrumentation-http, -undici " +
        'and -aws-sdk at run time (keep them external when bundling the application); using lean',
      error,
    );
    return undefined;
  }
}
