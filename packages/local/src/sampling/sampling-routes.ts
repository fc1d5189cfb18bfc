import type { SamplingService } from './sampling-service.ts';

/** An API handler: decoded JSON body in, JSON body out (throws `XRayError`). */
export type SamplingHandler = (input: unknown) => unknown;

/**
 * The sampling operations by request path (spec §5.2; note `/SamplingTargets` and
 * `/SamplingStatisticSummaries` lack the `Get` prefix while `/GetSamplingRules` has it).
 *
 * @example
 * const routes = samplingRoutes(new SamplingService());
 * const handler = routes.get('/SamplingTargets'); // (body) => GetSamplingTargetsOutput
 */
export function samplingRoutes(service: SamplingService): ReadonlyMap<string, SamplingHandler> {
  return new Map<string, SamplingHandler>([
    ['/CreateSamplingRule', (input) => service.createSamplingRule(input)],
    ['/UpdateSamplingRule', (input) => service.updateSamplingRule(input)],
    ['/DeleteSamplingRule', (input) => service.deleteSamplingRule(input)],
    ['/GetSamplingRules', (input) => service.getSamplingRules(input)],
    ['/SamplingTargets', (input) => service.getSamplingTargets(input)],
    ['/SamplingStatisticSummaries', (input) => service.getSamplingStatisticSummaries(input)],
  ]);
}
