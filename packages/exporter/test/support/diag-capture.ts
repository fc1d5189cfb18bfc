import { diag, DiagLogLevel } from '@opentelemetry/api';
import type { DiagLogger } from '@opentelemetry/api';

/** Messages logged through `diag` while installed, by level. */
export interface DiagCapture {
  warn: string[];
  info: string[];
  debug: string[];
  error: string[];
  /** Removes the logger. */
  restore(): void;
}

/** Installs a `diag` logger that records every message as text. */
export function captureDiag(): DiagCapture {
  const capture: DiagCapture = {
    warn: [],
    info: [],
    debug: [],
    error: [],
    restore: () => diag.disable(),
  };
  const text = (args: unknown[]): string => args.map((arg) => String(arg)).join(' ');
  const logger: DiagLogger = {
    error: (...args) => capture.error.push(text(args)),
    warn: (...args) => capture.warn.push(text(args)),
    info: (...args) => capture.info.push(text(args)),
    debug: (...args) => capture.debug.push(text(args)),
    verbose: () => undefined,
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  return capture;
}
