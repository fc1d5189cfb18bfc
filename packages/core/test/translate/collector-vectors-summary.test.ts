// The pass rate over every ported Go test file of the collector's translator: agreements / rows.
// Fails if a row stops agreeing (or a deviation is added) without this count being revisited.
import { describe, expect, it } from 'vitest';
import { awsFile } from './collector/aws.ts';
import { causeFile } from './collector/cause.ts';
import { httpFile } from './collector/http.ts';
import { segmentFile } from './collector/segment.ts';
import { serviceFile } from './collector/service.ts';
import { sqlFile } from './collector/sql.ts';

const FILES = [segmentFile, awsFile, httpFile, causeFile, sqlFile, serviceFile];

function tally(): { agreed: number; total: number; perFile: Record<string, string> } {
  let agreed = 0;
  let total = 0;
  const perFile: Record<string, string> = {};
  for (const { file, vectors } of FILES) {
    const ok = vectors.filter((v) => v.deviation === undefined).length;
    perFile[file] = `${ok}/${vectors.length}`;
    agreed += ok;
    total += vectors.length;
  }
  return { agreed, total, perFile };
}

describe('collector test vectors (all ported Go files)', () => {
  it('agrees with at least 97 % of the rows', () => {
    const { agreed, total, perFile } = tally();
    expect(perFile).toStrictEqual({
      'segment_test.go, span_links_test.go': '73/76',
      'aws_test.go': '30/30',
      'http_test.go': '25/25',
      'cause_test.go': '48/50',
      'sql_test.go': '3/3',
      'service_test.go': '3/3',
    });
    expect([agreed, total]).toStrictEqual([182, 187]);
    expect(agreed / total).toBeGreaterThanOrEqual(0.97);
  });
});
