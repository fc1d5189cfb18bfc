import { diag } from '@opentelemetry/api';
import { logCorrelationModeFromEnv, type LogCorrelationMode } from './log-correlation-mode.ts';

// On globalThis: `--import @otel-xray/node/register` and the app's own import may load two
// copies of this module; both must read the one mode startTracing set.
const MODE = Symbol.for('@otel-xray/node.log-correlation-mode');
const slot = globalThis as { [MODE]?: LogCorrelationMode };

/** The mode in force: the last {@link setLogCorrelationMode}, else `OTEL_XRAY_LOG_CORRELATION`. */
export function logCorrelationMode(): LogCorrelationMode {
  return (slot[MODE] ??= logCorrelationModeFromEnv(process.env.OTEL_XRAY_LOG_CORRELATION, (m) =>
    diag.warn(m),
  ));
}

/** Sets the mode every correlation helper uses from now on (startTracing's `logCorrelation`). */
export function setLogCorrelationMode(mode: LogCorrelationMode): void {
  slot[MODE] = mode;
}
