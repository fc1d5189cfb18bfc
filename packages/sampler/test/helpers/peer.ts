// The contrib sampler (@opentelemetry/sampler-aws-xray) fed the same rules and targets as ours,
// through the methods its pollers call (it has no public way to inject a rule set).
import { diag, DiagLogLevel } from '@opentelemetry/api';
import { AWSXRayRemoteSampler } from '@opentelemetry/sampler-aws-xray';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { Attributes } from '@opentelemetry/api';
import type { GetSamplingRulesResponse, GetSamplingTargetsResponse } from '../../src/index.ts';

/** The internals the peer's own pollers use. */
interface PeerInternals {
  internalXraySampler: {
    updateSamplingRules(response: GetSamplingRulesResponse): void;
    updateSamplingTargets(response: GetSamplingTargetsResponse): void;
    ruleCache: {
      getMatchedRule(attributes: Attributes): { samplingRule: { RuleName: string } } | undefined;
    };
    shouldSample: AWSXRayRemoteSampler['shouldSample'];
  };
}

/** A peer sampler with `rules` loaded and its pollers stopped. */
export function peerSampler(
  resource: Attributes,
  rules: GetSamplingRulesResponse,
): {
  sampler: PeerInternals['internalXraySampler'];
  matchedRule: (attributes: Attributes) => string | undefined;
  applyTargets: (targets: GetSamplingTargetsResponse) => void;
  stop: () => void;
} {
  // Port 9 (discard) refuses at once; the peer's first automatic fetch fails quietly.
  diag.disable();
  diag.setLogger({ error() {}, warn() {}, info() {}, debug() {}, verbose() {} }, DiagLogLevel.NONE);
  const peer = new AWSXRayRemoteSampler({
    resource: resourceFromAttributes(resource),
    endpoint: 'http://127.0.0.1:9',
  });
  const inner = (peer as unknown as PeerInternals).internalXraySampler;
  inner.updateSamplingRules(structuredClone(rules));
  const stop = () => peer.stopPollers();
  return {
    sampler: inner,
    matchedRule: (attributes) => inner.ruleCache.getMatchedRule(attributes)?.samplingRule.RuleName,
    applyTargets: (targets) => {
      inner.updateSamplingTargets(structuredClone(targets));
      stop();
    },
    stop,
  };
}
