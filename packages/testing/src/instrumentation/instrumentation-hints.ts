// The likely reasons a service sends X-Ray nothing, or sends segments without some spans (pure).
import { spanName, type InstrumentedSpan } from './span-kinds.ts';

/** Facts of the test process that make the hints concrete. */
export interface HintContext {
  /** AWS_XRAY_DAEMON_ADDRESS the tests gave the services (this process's value). */
  daemonAddress?: string;
  /** Service names X-Ray did receive segments from in the window. */
  seen: readonly string[];
}

/** Hint lines for services that sent no segment at all (none named: X-Ray received nothing). */
export function silentServiceHints(services: readonly string[], facts: HintContext): string[] {
  const names = services.map((s) => `"${s}"`).join(', ');
  const daemon = facts.daemonAddress
    ? `AWS_XRAY_DAEMON_ADDRESS of the service process is not ${facts.daemonAddress} (this test process's value): pass it in the child's env`
    : 'AWS_XRAY_DAEMON_ADDRESS of the service process does not point at the X-Ray the test reads (default 127.0.0.1:2000)';
  const seen =
    facts.seen.length > 0
      ? `X-Ray did receive segments from: ${facts.seen.slice(0, 12).join(', ')}`
      : 'X-Ray received no segments at all in this window';
  const head =
    services.length > 0
      ? `${services.join(', ')} sent no segments at all. Likely causes:`
      : 'No service sent any segment to this X-Ray. Likely causes:';
  return [
    head,
    '  • the process was not started with `node --import @otel-xray/node/register …` (or startTracing() ran after the modules it patches were imported)',
    '  • ESM: the loader hook was not registered before the app’s imports (use --import, not a late import()); bundled code (esbuild, webpack) is never patched',
    `  • ${daemon}`,
    '  • the sampler did not sample: an incoming Sampled=0, OTEL_TRACES_SAMPLER=always_off, or a sampling rule with rate 0 and no reservoir; or OTEL_SDK_DISABLED=true',
    ...(services.length > 0
      ? [`  • the service name (OTEL_SERVICE_NAME) differs from ${names} — ${seen}`]
      : []),
    '  • the process exited before its spans were flushed (SIGKILL, or process.exit() without shutdownTracing())',
  ];
}

/** Hint lines for a service whose segments lack some instrumentation's spans. */
export function unpatchedHints(service: string, missing: readonly InstrumentedSpan[]): string[] {
  return [
    `${service} sends segments, but none shows ${missing.map(spanName).join(', ')}. Likely causes:`,
    '  • the module was imported before instrumentation was registered (ESM needs `--import @otel-xray/node/register`; CommonJS needs --require or startTracing() first)',
    '  • the module was bundled into the app, or loaded from a second copy the hook does not see (mark it external in the bundler)',
    '  • that instrumentation is turned off (startTracing({ http: false }) / { awsSdk: false }), or the code path made no such call',
  ];
}

/** Hint line for services that are instrumented but missing from this trace. */
export function disconnectedHint(services: readonly string[]): string {
  return `${services.join(', ')} ${services.length > 1 ? 'are' : 'is'} instrumented, but this trace's context did not reach ${services.length > 1 ? 'them' : 'it'}: check the hop into it (HTTP headers, SQS AWSTraceHeader or message attributes — see checkEmulatorPropagation)`;
}
