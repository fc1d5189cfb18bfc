import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';

const LEVELS: Record<string, DiagLogLevel> = {
  none: DiagLogLevel.NONE,
  error: DiagLogLevel.ERROR,
  warn: DiagLogLevel.WARN,
  info: DiagLogLevel.INFO,
  debug: DiagLogLevel.DEBUG,
  verbose: DiagLogLevel.VERBOSE,
  all: DiagLogLevel.ALL,
};

/** Sends OpenTelemetry's diagnostics to the console at `OTEL_LOG_LEVEL` (default: warnings). */
export function diagFromEnv(value: string | undefined): void {
  const level = LEVELS[value?.trim().toLowerCase() ?? 'warn'] ?? DiagLogLevel.WARN;
  diag.setLogger(new DiagConsoleLogger(), { logLevel: level, suppressOverrideMessage: true });
}
