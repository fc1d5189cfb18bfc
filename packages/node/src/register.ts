// `node --import @otel-xray/node/register app.js`: start tracing from the environment only,
// before the application's modules load, with the ESM loader hook so ESM imports are instrumented.
import { register } from 'node:module';
import { startTracing } from './start-tracing.ts';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
startTracing();
