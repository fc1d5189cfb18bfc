// The X-Ray sampler: matches each root span against the centralized rules (or local rules while
// the service is unreachable or has not answered yet) and applies reservoir, borrowing and rate.
import { randomBytes } from 'node:crypto';
import { diag, type Attributes, type Context, type Link, type SpanKind } from '@opentelemetry/api';
import type { Sampler, SamplingResult } from '@opentelemetry/sdk-trace';
import { describeOutcome, explainWith, type SamplingExplanation } from './explain.ts';
import { httpSamplingTransport } from './http-transport.ts';
import { DROPPED_RESULT, SAMPLED_RESULT } from './internal/decisions.ts';
import {
  resourceProperties,
  spanProperties,
  type ResourceProperties,
} from './internal/request-properties.ts';
import { builtInDefault } from './internal/rule-definition.ts';
import { RulePoller } from './internal/rule-poller.ts';
import { RuleSet } from './internal/rule-set.ts';
import { loadLocalRules, type LocalRulesDocument } from './local-rules.ts';
import type { SamplingTransport } from './types.ts';

const log = diag.createComponentLogger({ namespace: '@otel-xray/sampler' });

/** The part of an OTel `Resource` the sampler reads. */
export interface ResourceLike {
  attributes: Attributes;
}

/** Options of {@link XRaySampler}. */
export interface XRaySamplerOptions {
  /** The service's resource: `service.name`, `cloud.platform`, ECS/EKS/Lambda ARNs. */
  resource?: ResourceLike;
  /** Sampling API base URL (daemon, collector `awsproxy`, `@otel-xray/local`). Default `http://127.0.0.1:2000`. */
  endpoint?: string;
  /** Replaces the HTTP transport, e.g. {@link xrayClientTransport} for signed calls. */
  transport?: SamplingTransport;
  /** `false`: never contact a service; local rules only. Default `true`. */
  centralized?: boolean;
  /** Local rules (path to a JSON file or the document), used until and unless centralized rules apply. */
  localRules?: string | LocalRulesDocument;
  /** Seconds between rule fetches (plus up to 5 s jitter). Default 300; values < 10 are raised to 10. */
  rulesPollingIntervalSeconds?: number;
  /** Seconds between statistics reports until the service sets `Interval`. Default 10. */
  targetsPollingIntervalSeconds?: number;
  /** 24 hex characters identifying this process to the service. Default random. */
  clientId?: string;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: () => number;
  /** Uniform [0, 1) source for the rate and for jitter. Default `Math.random`. */
  random?: () => number;
  /** Start the pollers (default `true`); `false` leaves `refreshRules`/`reportStatistics` to the caller. */
  autoPoll?: boolean;
  /** Log each decision with its rule and reason through `diag.debug`. Default `false`. */
  debugDecisions?: boolean;
}

const CACHE_TTL_MS = 60 * 60 * 1000;

/**
 * OTel `Sampler` applying AWS X-Ray sampling rules. Use it as the root of a parent-based sampler
 * ({@link xrayParentBasedSampler}) so only root spans and undecided remote parents consult rules.
 *
 * @example
 * const sampler = new XRaySampler({ resource, endpoint: 'http://127.0.0.1:2000' });
 * new NodeTracerProvider({ resource, sampler: xrayParentBasedSampler(sampler) });
 * // later: await sampler.shutdown();
 */
export class XRaySampler implements Sampler {
  readonly #resource: ResourceProperties;
  readonly #local: RuleSet;
  readonly #localReason: string;
  readonly #poller: RulePoller | undefined;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #debug: boolean;
  readonly #clientId: string;
  readonly #describe: string;

  constructor(options: XRaySamplerOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#debug = options.debugDecisions ?? false;
    this.#resource = resourceProperties(options.resource?.attributes ?? {});
    this.#clientId = /^[0-9a-f]{24}$/.test(options.clientId ?? '')
      ? options.clientId!
      : randomBytes(12).toString('hex');
    const loaded =
      options.localRules === undefined ? undefined : loadLocalRules(options.localRules);
    if (loaded && !loaded.ok)
      log.error(`invalid local sampling rules: ${loaded.error}; using the default rule (1/s + 5%)`);
    this.#local = new RuleSet(
      loaded?.ok ? loaded.rules : [builtInDefault()],
      this.#resource,
      'local',
    );
    this.#localReason = loaded?.ok ? 'local rules' : 'built-in default rule (1/s + 5%)';
    const endpoint = options.endpoint ?? 'http://127.0.0.1:2000';
    this.#describe = options.transport ? 'the configured transport' : endpoint;
    if (options.centralized !== false) {
      const rulesSeconds = Math.max(10, options.rulesPollingIntervalSeconds ?? 300);
      if (rulesSeconds !== (options.rulesPollingIntervalSeconds ?? 300)) {
        log.warn(
          `rulesPollingIntervalSeconds ${options.rulesPollingIntervalSeconds} is below 10; using 10`,
        );
      }
      this.#poller = new RulePoller({
        transport: options.transport ?? httpSamplingTransport(endpoint),
        describe: this.#describe,
        resource: this.#resource,
        clientId: this.#clientId,
        now: this.#now,
        random: this.#random,
        rulesIntervalMs: rulesSeconds * 1000,
        targetsIntervalMs: Math.max(1, options.targetsPollingIntervalSeconds ?? 10) * 1000,
        cacheTtlMs: CACHE_TTL_MS,
      });
      if (options.autoPoll !== false) this.#poller.start();
    }
  }

  /** The ClientID sent with statistics. */
  get clientId(): string {
    return this.#clientId;
  }

  shouldSample(
    _context: Context,
    _traceId: string,
    _spanName: string,
    _spanKind: SpanKind,
    attributes: Attributes,
    _links: Link[],
  ): SamplingResult {
    try {
      const now = this.#now();
      const set = this.#poller?.active(now) ?? this.#local;
      const props = spanProperties(attributes, this.#resource);
      const rule = set.match(props, attributes) ?? this.#local.match(props, attributes);
      if (!rule) return DROPPED_RESULT;
      const d = rule.definition;
      const outcome = rule.state.decide(
        now,
        this.#random,
        d.fixedRate,
        d.reservoirSize,
        d.fixedTarget,
      );
      if (this.#debug) log.debug(describeOutcome(outcome, rule, set.source, now));
      return outcome === 'not-sampled' ? DROPPED_RESULT : SAMPLED_RESULT;
    } catch (error) {
      log.error('sampling failed; span dropped', error);
      return DROPPED_RESULT;
    }
  }

  /**
   * Explains, without counting, what the sampler would do with a root span starting with these
   * attributes: the source of rules, the properties seen, rules skipped and why, the matched rule.
   */
  explain(attributes: Attributes = {}): SamplingExplanation {
    const now = this.#now();
    const central = this.#poller?.active(now);
    const fetchedAt = this.#poller?.fetchedAt ?? Number.NEGATIVE_INFINITY;
    const reason = central
      ? `rules fetched from ${this.#describe} ${Math.round((now - fetchedAt) / 1000)} s ago`
      : this.#poller === undefined
        ? `${this.#localReason} (centralized sampling disabled)`
        : fetchedAt === Number.NEGATIVE_INFINITY
          ? `${this.#localReason}: no rules fetched from ${this.#describe} yet`
          : `${this.#localReason}: centralized rules expired (last fetched ${Math.round((now - fetchedAt) / 1000)} s ago)`;
    const props = spanProperties(attributes, this.#resource);
    return explainWith(central ?? this.#local, reason, this.#resource, props, attributes, now);
  }

  /** Fetches the rules now (the poller does this every ~5 min). Resolves `false` on failure. */
  refreshRules(): Promise<boolean> {
    return this.#poller?.refreshRules() ?? Promise.resolve(false);
  }

  /** Reports statistics and applies targets now (the poller does this every ~10 s). */
  reportStatistics(): Promise<boolean> {
    return this.#poller?.reportStatistics() ?? Promise.resolve(false);
  }

  /** Stops polling. Idempotent; decisions continue with the rules in hand. */
  shutdown(): Promise<void> {
    this.#poller?.stop();
    return Promise.resolve();
  }

  toString(): string {
    return `XRaySampler{${this.#poller ? `centralized via ${this.#describe}` : 'local'}}`;
  }
}
