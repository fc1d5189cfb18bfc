import { diag } from '@opentelemetry/api';

/** `lean`: our diagnostics_channel instrumentation; `otel`: `@opentelemetry/instrumentation-http` + `-undici`. */
export type InstrumentationMode = 'lean' | 'otel';

/** The option, else env `OTEL_XRAY_INSTRUMENTATION`, else `lean`; an unknown value warns once and means `lean`. */
export function instrumentationMode(
  option: InstrumentationMode | undefined,
  env: string | undefined,
): InstrumentationMode {
  const value = option ?? env?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'lean') return 'lean';
  if (value === 'otel') return 'otel';
  diag.warn(`OTEL_XRAY_INSTRUMENTATION=${String(value)} is not lean or otel; using lean`);
  return 'lean';
}
