// One representation for centralized and local rules; the decision code does not care where a
// rule came from except through `fixedTarget`.

/** A rule ready to compile. Patterns use X-Ray wildcards. */
export interface RuleDefinition {
  name: string;
  priority: number;
  /** Fraction sampled after the reservoir. */
  fixedRate: number;
  /** Centralized: the shared per-second budget; > 0 allows borrowing until a quota arrives. */
  reservoirSize: number;
  /** Local rules: a permanent per-process quota (the file's `fixed_target`). */
  fixedTarget?: number;
  serviceName: string;
  serviceType: string;
  host: string;
  httpMethod: string;
  urlPath: string;
  resourceArn: string;
  attributes: Readonly<Record<string, string>>;
}

/** The built-in fallback: 1 request per second plus 5 % (spec §8.3, §8.5). */
export function builtInDefault(fixedTarget = 1, rate = 0.05): RuleDefinition {
  return {
    name: 'Default',
    priority: 10000,
    fixedRate: rate,
    reservoirSize: 0,
    fixedTarget,
    serviceName: '*',
    serviceType: '*',
    host: '*',
    httpMethod: '*',
    urlPath: '*',
    resourceArn: '*',
    attributes: {},
  };
}
