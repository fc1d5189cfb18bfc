// The error that names services which sent X-Ray nothing (or lack some instrumentation's spans).
import { TraceTimeoutError } from '../trace/wait-for-trace.ts';
import type { Trace } from '../trace/types.ts';
import type { ServiceActivity } from './service-activity.ts';

/**
 * Thrown by {@link waitForInstrumentedTrace} and {@link expectServiceInstrumented} when a service
 * sent no segment at all in the window, or none that shows an expected instrumentation. Its
 * message lists the likely causes. A {@link TraceTimeoutError}, so existing `catch` code still fits.
 */
export class InstrumentationError extends TraceTimeoutError {
  /** Services that sent nothing at all. */
  readonly silent: string[];
  /** Services whose segments lack an expected span kind (by service, the kinds missing). */
  readonly unpatched: Record<string, string[]>;
  /** What X-Ray holds for each checked service. */
  readonly activity: ServiceActivity[];
  constructor(
    message: string,
    lastTrace: Trace | undefined,
    details: {
      silent: string[];
      unpatched?: Record<string, string[]>;
      activity: ServiceActivity[];
    },
  ) {
    super(message, lastTrace);
    this.name = 'InstrumentationError';
    this.silent = details.silent;
    this.unpatched = details.unpatched ?? {};
    this.activity = details.activity;
  }
}
