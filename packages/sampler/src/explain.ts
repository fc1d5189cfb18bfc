// The sampling explainer (user-needs items 6 and 12): which rule a span would match, why the
// rules before it did not, and what the matched rule will do with it. A dry run: nothing counted.
import type { Attributes } from '@opentelemetry/api';
import { spanMismatch } from './internal/compiled-rule.ts';
import type { ResourceProperties, SpanProperties } from './internal/request-properties.ts';
import type { CompiledRule } from './internal/compiled-rule.ts';
import type { Outcome } from './internal/rule-state.ts';
import type { RuleSet } from './internal/rule-set.ts';

/** One rule passed over, and the field that did not match. */
export interface SkippedRule {
  rule: string;
  priority: number;
  /** API field, e.g. `URLPath` or `Attributes.http.status`. */
  field: string;
  pattern: string;
  /** The request's value; `undefined` when the span does not carry it. */
  value: string | undefined;
}

/** What the sampler would do with a span that starts with these attributes. */
export interface SamplingExplanation {
  /** Which rules were consulted: the service's (`centralized`) or the local/fallback rules. */
  source: 'centralized' | 'local';
  /** Why that source. */
  sourceReason: string;
  /** The request properties the rules were matched against. */
  properties: {
    ServiceName: string;
    ServiceType: string | undefined;
    Host: string | undefined;
    HTTPMethod: string | undefined;
    URLPath: string | undefined;
    ResourceARN: string | undefined;
  };
  /** The matched rule's name. */
  rule: string | undefined;
  /** Higher-priority rules that did not match, in evaluation order. */
  skipped: SkippedRule[];
  /** How the next requests of this rule are sampled before the rate applies. */
  reservoir: 'service quota' | 'borrowing 1/s' | 'local fixed_target' | 'none';
  /** Requests per second from the reservoir (quota or fixed_target), when there is one. */
  perSecond: number | undefined;
  /** The fraction sampled beyond the reservoir. */
  fixedRate: number;
  /** Set by {@link xrayParentBasedSampler} when the parent's flag decides and rules are not consulted. */
  decidedByParent?: { remote: boolean; sampled: boolean };
  /** One sentence for logs and the CLI. */
  summary: string;
}

/** The reason behind one decision, for the `debugDecisions` log line. */
export function describeOutcome(
  outcome: Outcome,
  rule: CompiledRule,
  source: string,
  now: number,
): string {
  const d = rule.definition;
  const state = rule.state;
  const rate = `${((state.rate ?? d.fixedRate) * 100).toFixed(2)}%`;
  const perSecond = d.fixedTarget ?? (state.hasQuota(now) ? state.quota : undefined);
  const head = `rule "${d.name}" (${source})`;
  switch (outcome) {
    case 'reservoir':
      return `${head}: sampled from the reservoir (${perSecond ?? 0}/s)`;
    case 'borrowed':
      return `${head}: sampled by borrowing (no quota from the service yet)`;
    case 'rate':
      return `${head}: sampled by the rate ${rate}`;
    default:
      return perSecond !== undefined || d.reservoirSize > 0
        ? `${head}: not sampled: reservoir used up this second (${perSecond ?? 'borrow 1'}/s), rate ${rate} missed`
        : `${head}: not sampled: no reservoir, rate ${rate} missed`;
  }
}

/** Builds an explanation; `now` is epoch ms. */
export function explainWith(
  set: RuleSet,
  sourceReason: string,
  resource: ResourceProperties,
  props: SpanProperties,
  attributes: Attributes,
  now: number,
): SamplingExplanation {
  const skipped: SkippedRule[] = [];
  let matched: (typeof set.rules)[number] | undefined;
  for (const rule of set.rules) {
    const miss = rule.resourceMismatch ?? spanMismatch(rule, props, attributes);
    if (!miss) {
      matched = rule;
      break;
    }
    const value = miss.read(props, attributes);
    skipped.push({
      rule: rule.definition.name,
      priority: rule.definition.priority,
      field: miss.field,
      pattern: miss.pattern,
      value,
    });
  }
  const d = matched?.definition;
  const state = matched?.state;
  const reservoir: SamplingExplanation['reservoir'] =
    d?.fixedTarget !== undefined
      ? 'local fixed_target'
      : state?.hasQuota(now)
        ? 'service quota'
        : d && d.reservoirSize > 0
          ? 'borrowing 1/s'
          : 'none';
  const perSecond =
    d?.fixedTarget ??
    (reservoir === 'service quota' ? state?.quota : reservoir === 'borrowing 1/s' ? 1 : undefined);
  const fixedRate = state?.rate ?? d?.fixedRate ?? 0;
  const why = skipped.map(
    (s) =>
      `${s.rule}: ${s.field} ${JSON.stringify(s.value ?? null)} ≠ ${JSON.stringify(s.pattern)}`,
  );
  const summary = d
    ? `rule "${d.name}" (${set.source}) matched` +
      (why.length ? ` after skipping ${why.join('; ')}` : '') +
      `; samples ${perSecond ?? 0}/s (${reservoir}) then ${(fixedRate * 100).toFixed(2)}%`
    : `no rule matched (${why.join('; ')})`;
  return {
    source: set.source,
    sourceReason,
    properties: {
      ServiceName: resource.serviceName,
      ServiceType: resource.serviceType,
      Host: props.host,
      HTTPMethod: props.method,
      URLPath: props.urlPath,
      ResourceARN: props.resourceArn,
    },
    rule: d?.name,
    skipped,
    reservoir,
    perSecond,
    fixedRate,
    summary,
  };
}
