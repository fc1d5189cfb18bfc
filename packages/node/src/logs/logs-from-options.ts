import { diag } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { correlateConsole } from './console-correlation.ts';
import { logCorrelationModeFromEnv, type LogCorrelationMode } from './log-correlation-mode.ts';
import { setLogCorrelationMode } from './log-correlation-state.ts';
import { setActiveLogSending, startLogSending, type LogSending } from './log-sending.ts';

/** The log options of startTracing (see `StartTracingOptions`). */
export interface LogOptions {
  logCorrelation?: boolean | 'xray' | 'w3c' | undefined;
  consoleLogCorrelation?: boolean | undefined;
  logsEndpoint?: string | undefined;
}

function modeOf(option: LogOptions['logCorrelation']): LogCorrelationMode {
  if (option === true) return 'both';
  if (option === false) return 'off';
  return option as LogCorrelationMode;
}

/** The logs endpoint: the option, else `OTEL_XRAY_LOGS_ENDPOINT`, else `OTEL_EXPORTER_OTLP_LOGS_ENDPOINT`. */
export function logsEndpointFrom(
  option: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  const value = (
    option ??
    env.OTEL_XRAY_LOGS_ENDPOINT ??
    env.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT ??
    ''
  ).trim();
  if (value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  diag.warn(`logs endpoint ${JSON.stringify(value)} is not an http(s) URL; logs are not sent`);
  return undefined;
}

/**
 * Applies startTracing's log options: the correlation mode (option, else
 * `OTEL_XRAY_LOG_CORRELATION`), console correlation (option, else `OTEL_XRAY_LOG_CONSOLE=true`)
 * and log sending; returns the sender, if one was started.
 */
export function setUpLogs(
  options: LogOptions,
  env: Record<string, string | undefined>,
  resource: Resource,
): LogSending | undefined {
  setLogCorrelationMode(
    options.logCorrelation === undefined
      ? logCorrelationModeFromEnv(env.OTEL_XRAY_LOG_CORRELATION, (m) => diag.warn(m))
      : modeOf(options.logCorrelation),
  );
  const consoleOn =
    options.consoleLogCorrelation ?? env.OTEL_XRAY_LOG_CONSOLE?.trim().toLowerCase() === 'true';
  if (consoleOn) correlateConsole();
  const endpoint = logsEndpointFrom(options.logsEndpoint, env);
  const sending = endpoint === undefined ? undefined : startLogSending({ endpoint, resource });
  setActiveLogSending(sending);
  return sending;
}
