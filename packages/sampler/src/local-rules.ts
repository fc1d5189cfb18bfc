// The X-Ray SDKs' local rules file (spec §8.5): version 2 matches host, version 1 service name;
// rules apply in file order, then `default`. Each rule samples its first `fixed_target` matches
// per second in this process, plus `rate` of the rest.
import { readFileSync } from 'node:fs';
import { builtInDefault, type RuleDefinition } from './internal/rule-definition.ts';

/** One rule of a local rules file. */
export interface LocalRule {
  description?: string;
  /** Version 2: HTTP host pattern. */
  host?: string;
  /** Version 1: service name pattern. */
  service_name?: string;
  http_method: string;
  url_path: string;
  /** Requests per second sampled before `rate`, per process. */
  fixed_target: number;
  /** Fraction 0..1 of the remaining requests. */
  rate: number;
}

/** A local rules file. */
export interface LocalRulesDocument {
  version: 1 | 2;
  rules?: LocalRule[];
  default: { fixed_target: number; rate: number };
}

/** Parsed rules, or the first problem found (naming the rule and field). */
export type LocalRulesResult = { ok: true; rules: RuleDefinition[] } | { ok: false; error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTargetAndRate(obj: Record<string, unknown>, where: string): string | undefined {
  const target = obj['fixed_target'];
  const rate = obj['rate'];
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 0) {
    return `${where}: 'fixed_target' must be an integer >= 0, got ${JSON.stringify(target)}`;
  }
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    return `${where}: 'rate' must be a number from 0 to 1, got ${JSON.stringify(rate)}`;
  }
  return undefined;
}

function parseRule(raw: unknown, index: number, version: 1 | 2): RuleDefinition | string {
  if (!isObject(raw)) return `rules[${index}]: must be an object`;
  const label = typeof raw['description'] === 'string' ? ` ("${raw['description']}")` : '';
  const where = `rules[${index}]${label}`;
  const matchKey = version === 2 ? 'host' : 'service_name';
  const allowed = new Set([
    'description',
    matchKey,
    'http_method',
    'url_path',
    'fixed_target',
    'rate',
  ]);
  for (const key of Object.keys(raw)) {
    if (!allowed.has(key)) return `${where}: unknown field '${key}' for version ${version}`;
  }
  for (const key of [matchKey, 'http_method', 'url_path']) {
    if (typeof raw[key] !== 'string')
      return `${where}: '${key}' must be a string, got ${JSON.stringify(raw[key])}`;
  }
  const problem = checkTargetAndRate(raw, where);
  if (problem) return problem;
  const rule = raw as unknown as LocalRule;
  return {
    name: rule.description ?? `rule ${index + 1}`,
    priority: index + 1,
    fixedRate: rule.rate,
    reservoirSize: 0,
    fixedTarget: rule.fixed_target,
    serviceName: rule.service_name ?? '*',
    serviceType: '*',
    host: rule.host ?? '*',
    httpMethod: rule.http_method,
    urlPath: rule.url_path,
    resourceArn: '*',
    attributes: {},
  };
}

/**
 * Validates a local rules document the way the X-Ray SDKs do.
 *
 * @example
 * parseLocalRules({ version: 2, rules: [], default: { fixed_target: 1, rate: 0.1 } });
 */
export function parseLocalRules(doc: unknown): LocalRulesResult {
  if (!isObject(doc)) return { ok: false, error: 'the document must be a JSON object' };
  const version = doc['version'];
  if (version !== 1 && version !== 2) {
    return { ok: false, error: `'version' must be 1 or 2, got ${JSON.stringify(version)}` };
  }
  const fallback = doc['default'];
  if (!isObject(fallback)) return { ok: false, error: "'default' is required" };
  const extra = Object.keys(fallback).filter((k) => k !== 'fixed_target' && k !== 'rate');
  if (extra.length > 0) return { ok: false, error: `default: unknown field '${extra[0]}'` };
  const problem = checkTargetAndRate(fallback, 'default');
  if (problem) return { ok: false, error: problem };
  const rawRules = doc['rules'] ?? [];
  if (!Array.isArray(rawRules)) return { ok: false, error: "'rules' must be an array" };
  const rules: RuleDefinition[] = [];
  for (const [i, raw] of rawRules.entries()) {
    const rule = parseRule(raw, i, version);
    if (typeof rule === 'string') return { ok: false, error: rule };
    rules.push(rule);
  }
  rules.push(builtInDefault(fallback['fixed_target'] as number, fallback['rate'] as number));
  return { ok: true, rules };
}

/** Reads and validates a rules file (path) or document (object). Never throws. */
export function loadLocalRules(source: string | LocalRulesDocument): LocalRulesResult {
  if (typeof source !== 'string') return parseLocalRules(source);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    return { ok: false, error: `cannot read ${source}: ${(error as Error).message}` };
  }
  const result = parseLocalRules(doc);
  return result.ok ? result : { ok: false, error: `${source}: ${result.error}` };
}
