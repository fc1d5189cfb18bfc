// GetSamplingRules records → rule definitions. Like the X-Ray SDKs, only version 1 rules apply;
// a malformed record is skipped (and named) instead of failing the whole refresh.
import type { GetSamplingRulesResponse } from '../types.ts';
import type { RuleDefinition } from './rule-definition.ts';

/** Definitions plus the names of records that were skipped and why. */
export interface CentralizedRules {
  rules: RuleDefinition[];
  skipped: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && value >= min && value <= max ? value : undefined;
}

/** Converts the records of one or more GetSamplingRules pages. */
export function centralizedRules(
  records: NonNullable<GetSamplingRulesResponse['SamplingRuleRecords']>,
): CentralizedRules {
  const out: CentralizedRules = { rules: [], skipped: [] };
  for (const record of records) {
    const r = record.SamplingRule as Record<string, unknown> | undefined;
    if (!r) continue;
    const name = text(r['RuleName']);
    if (r['Version'] !== 1) {
      out.skipped.push(`${name ?? '?'}: Version ${String(r['Version'])} is not 1`);
      continue;
    }
    const priority = num(r['Priority'], 0, Number.MAX_SAFE_INTEGER);
    const fixedRate = num(r['FixedRate'], 0, 1);
    const reservoirSize = num(r['ReservoirSize'], 0, Number.MAX_SAFE_INTEGER);
    const attrs = r['Attributes'];
    if (
      name === undefined ||
      priority === undefined ||
      fixedRate === undefined ||
      reservoirSize === undefined
    ) {
      out.skipped.push(
        `${name ?? '?'}: missing or invalid RuleName, Priority, FixedRate or ReservoirSize`,
      );
      continue;
    }
    out.rules.push({
      name,
      priority,
      fixedRate,
      reservoirSize,
      serviceName: text(r['ServiceName']) ?? '*',
      serviceType: text(r['ServiceType']) ?? '*',
      host: text(r['Host']) ?? '*',
      httpMethod: text(r['HTTPMethod']) ?? '*',
      urlPath: text(r['URLPath']) ?? '*',
      resourceArn: text(r['ResourceARN']) ?? '*',
      attributes:
        typeof attrs === 'object' && attrs !== null
          ? Object.fromEntries(
              Object.entries(attrs).filter((e): e is [string, string] => typeof e[1] === 'string'),
            )
          : {},
    });
  }
  return out;
}
