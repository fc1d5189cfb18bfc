// Validation of GetSamplingTargets' input documents (spec §5.3, SamplingStatisticsDocument).
import { invalidRequest } from '../errors.ts';
import {
  asObject,
  optionalArray,
  optionalNumber,
  requiredNumber,
  requiredString,
} from './field-checks.ts';
import type { SamplingStatisticsDocument } from './types.ts';

/** A validated GetSamplingTargets request. */
export interface SamplingTargetsInput {
  statistics: SamplingStatisticsDocument[];
  /** Rule names of the boost statistics documents (accepted, not acted upon). */
  boostRules: string[];
}

/** Validates a GetSamplingTargets body; at most 25 documents of each kind. */
export function parseSamplingTargetsInput(input: unknown): SamplingTargetsInput {
  const body = asObject(input);
  const docs = optionalArray(
    body,
    'SamplingStatisticsDocuments',
    'samplingStatisticsDocuments',
    25,
  );
  if (!docs) {
    throw invalidRequest(
      "1 validation error detected: Value null at 'samplingStatisticsDocuments' failed to satisfy constraint: Member must not be null",
    );
  }
  const statistics = docs.map((raw, i): SamplingStatisticsDocument => {
    const path = `samplingStatisticsDocuments.${i + 1}.member`;
    const doc = asObject(raw, path);
    const out: SamplingStatisticsDocument = {
      RuleName: requiredString(doc, 'RuleName', `${path}.ruleName`, 32, 1),
      ClientID: requiredString(doc, 'ClientID', `${path}.clientID`, 24, 24),
      Timestamp: requiredNumber(doc, 'Timestamp', `${path}.timestamp`, 0),
      RequestCount: requiredNumber(doc, 'RequestCount', `${path}.requestCount`, 0, Infinity, true),
      SampledCount: requiredNumber(doc, 'SampledCount', `${path}.sampledCount`, 0, Infinity, true),
    };
    const borrow = optionalNumber(doc, 'BorrowCount', `${path}.borrowCount`, 0, Infinity, true);
    if (borrow !== undefined) out.BorrowCount = borrow;
    return out;
  });
  const boost =
    optionalArray(
      body,
      'SamplingBoostStatisticsDocuments',
      'samplingBoostStatisticsDocuments',
      25,
    ) ?? [];
  const boostRules = boost.map((raw, i) =>
    requiredString(
      asObject(raw),
      'RuleName',
      `samplingBoostStatisticsDocuments.${i + 1}.member.ruleName`,
      32,
      1,
    ),
  );
  return { statistics, boostRules };
}
