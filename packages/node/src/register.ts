// `node --import @otel-xray/node/register app.js`: start tracing from the environment only,
// before the application's modules load (startTracing registers the ESM loader hook first).
import { startTracing } from './start-tracing.ts';

startTracing();
