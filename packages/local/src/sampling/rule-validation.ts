// Validation of CreateSamplingRule / UpdateSamplingRule inputs with the API model's constraints
// (spec/xray-protocol.md §5.3, SamplingRule and SamplingRuleUpdate).
import { invalidRequest } from '../errors.ts';
import type { SamplingRule } from './types.ts';
import {
  asObject,
  optionalNumber,
  optionalString,
  requiredNumber,
  requiredString,
  type JsonObject,
} from './field-checks.ts';

/** A validated new rule; the service adds `RuleARN`. */
export type NewSamplingRule = Omit<SamplingRule, 'RuleARN'>;

/** A validated update: the rule's identity plus the members to change. */
export interface SamplingRuleChanges {
  RuleName?: string;
  RuleARN?: string;
  changes: Partial<Omit<SamplingRule, 'RuleName' | 'RuleARN' | 'Version'>>;
}

const MATCHERS = [
  ['ServiceName', 64],
  ['ServiceType', 64],
  ['Host', 64],
  ['HTTPMethod', 10],
  ['URLPath', 128],
  ['ResourceARN', 500],
] as const;

function attributes(obj: JsonObject, path: string): Record<string, string> | undefined {
  const value = obj['Attributes'];
  if (value === undefined || value === null) return undefined;
  const map = asObject(value, path);
  const entries = Object.entries(map);
  if (entries.length > 5) {
    throw invalidRequest(`1 validation error detected: '${path}' must have at most 5 entries`);
  }
  const out: Record<string, string> = {};
  for (const [key] of entries) {
    if (key.length < 1 || key.length > 32) {
      throw invalidRequest(`Attribute key '${key}' at '${path}' must have length 1..32`);
    }
    out[key] = requiredString(map, key, `${path}.${key}`, 32, 1);
  }
  return out;
}

function boost(obj: JsonObject, path: string): SamplingRule['SamplingRateBoost'] {
  const value = obj['SamplingRateBoost'];
  if (value === undefined || value === null) return undefined;
  const b = asObject(value, path);
  return {
    MaxRate: requiredNumber(b, 'MaxRate', `${path}.maxRate`, 0, 1),
    CooldownWindowMinutes: requiredNumber(
      b,
      'CooldownWindowMinutes',
      `${path}.cooldownWindowMinutes`,
      1,
      Infinity,
      true,
    ),
  };
}

/** Validates `CreateSamplingRule`'s `SamplingRule` member. */
export function parseNewSamplingRule(input: unknown): NewSamplingRule {
  const body = asObject(input);
  if (body['SamplingRule'] === undefined || body['SamplingRule'] === null) {
    throw invalidRequest(
      "1 validation error detected: Value null at 'samplingRule' failed to satisfy constraint: Member must not be null",
    );
  }
  const rule = asObject(body['SamplingRule'], 'samplingRule');
  const version = requiredNumber(rule, 'Version', 'samplingRule.version', 1, Infinity, true);
  if (version !== 1) throw invalidRequest(`Unsupported sampling rule version ${version}; use 1`);
  const parsed: NewSamplingRule = {
    RuleName: requiredString(rule, 'RuleName', 'samplingRule.ruleName', 32, 1),
    ResourceARN: '',
    Priority: requiredNumber(rule, 'Priority', 'samplingRule.priority', 1, 9999, true),
    FixedRate: requiredNumber(rule, 'FixedRate', 'samplingRule.fixedRate', 0, 1),
    ReservoirSize: requiredNumber(
      rule,
      'ReservoirSize',
      'samplingRule.reservoirSize',
      0,
      Infinity,
      true,
    ),
    ServiceName: '',
    ServiceType: '',
    Host: '',
    HTTPMethod: '',
    URLPath: '',
    Version: 1,
    Attributes: attributes(rule, 'samplingRule.attributes') ?? {},
  };
  for (const [key, max] of MATCHERS) {
    parsed[key] = requiredString(rule, key, `samplingRule.${lowerFirst(key)}`, max);
  }
  const rateBoost = boost(rule, 'samplingRule.samplingRateBoost');
  if (rateBoost) parsed.SamplingRateBoost = rateBoost;
  return parsed;
}

/** Validates `UpdateSamplingRule`'s `SamplingRuleUpdate` member. */
export function parseSamplingRuleUpdate(input: unknown): SamplingRuleChanges {
  const body = asObject(input);
  if (body['SamplingRuleUpdate'] === undefined || body['SamplingRuleUpdate'] === null) {
    throw invalidRequest(
      "1 validation error detected: Value null at 'samplingRuleUpdate' failed to satisfy constraint: Member must not be null",
    );
  }
  const u = asObject(body['SamplingRuleUpdate'], 'samplingRuleUpdate');
  const out: SamplingRuleChanges = { changes: {} };
  const name = optionalString(u, 'RuleName', 'samplingRuleUpdate.ruleName', 32, 1);
  const arn = optionalString(u, 'RuleARN', 'samplingRuleUpdate.ruleARN', 1000, 1);
  if (name !== undefined) out.RuleName = name;
  if (arn !== undefined) out.RuleARN = arn;
  const p = 'samplingRuleUpdate';
  const priority = optionalNumber(u, 'Priority', `${p}.priority`, 1, 9999, true);
  const rate = optionalNumber(u, 'FixedRate', `${p}.fixedRate`, 0, 1);
  const size = optionalNumber(u, 'ReservoirSize', `${p}.reservoirSize`, 0, Infinity, true);
  if (priority !== undefined) out.changes.Priority = priority;
  if (rate !== undefined) out.changes.FixedRate = rate;
  if (size !== undefined) out.changes.ReservoirSize = size;
  for (const [key, max] of MATCHERS) {
    const value = optionalString(u, key, `${p}.${lowerFirst(key)}`, max);
    if (value !== undefined) out.changes[key] = value;
  }
  const attrs = attributes(u, `${p}.attributes`);
  if (attrs) out.changes.Attributes = attrs;
  const rateBoost = boost(u, `${p}.samplingRateBoost`);
  if (rateBoost) out.changes.SamplingRateBoost = rateBoost;
  return out;
}

// The service names members in camelCase of the wire name ("hTTPMethod", "uRLPath").
function lowerFirst(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}
