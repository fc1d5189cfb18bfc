import { diag, type TextMapPropagator } from '@opentelemetry/api';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { XRayPropagator, XRayLambdaPropagator } from '@otel-xray/propagation';

const FACTORIES: Record<string, () => TextMapPropagator> = {
  tracecontext: () => new W3CTraceContextPropagator(),
  baggage: () => new W3CBaggagePropagator(),
  xray: () => new XRayPropagator(),
  'xray-lambda': () => new XRayLambdaPropagator(),
};

/**
 * The propagator named by `OTEL_PROPAGATORS` (comma-separated: `tracecontext`, `baggage`, `xray`,
 * `xray-lambda`, `none`). Default `tracecontext,baggage,xray` — X-Ray last, so when both headers
 * arrive the X-Ray one (and its Sampled/Lineage) wins. Unknown names warn once and are skipped.
 */
export function propagatorFromEnv(value: string | undefined): TextMapPropagator {
  const names = (value?.trim() ? value : 'tracecontext,baggage,xray')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('none')) return new CompositePropagator({ propagators: [] });
  const propagators: TextMapPropagator[] = [];
  for (const name of names) {
    const make = FACTORIES[name];
    if (make) propagators.push(make());
    else
      diag.warn(
        `OTEL_PROPAGATORS: unknown propagator "${name}" (known: ${Object.keys(FACTORIES).join(', ')}, none)`,
      );
  }
  return new CompositePropagator({ propagators });
}
