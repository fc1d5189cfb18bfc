import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateSegmentDocument } from '@otel-xray/core';
import { seededRandom as prng } from './support/seeded-random.ts';

// A copy of shared/spec/xray-segment-schema.json, so the test does not depend on the folder layout.
const schemaPath = join(import.meta.dirname, 'support/xray-segment-schema.json');
const schema: object = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemaValid = ajv.compile(schema);
const fixtures = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/segment-documents.json'), 'utf8'),
) as { valid: Record<string, unknown>; invalid: Record<string, unknown> };

const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  '',
  'x',
  'a,b',
  '70DE5B6F19FF9A0A',
  '0123456789abcdef',
  '1-581cf771-a006649127e371903a2de979',
  'subsegment',
  'aws',
  'database',
  [],
  ['x'],
  [1],
  {},
  { a: 1 },
  'y'.repeat(260),
  1e300,
];

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const out: string[][] = [prefix];
  for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function mutate(doc: unknown, rand: () => number): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[Math.floor(rand() * all.length)]!;
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (rand() < 0.25) delete parent[last];
  else parent[last] = structuredClone(ODD_VALUES[Math.floor(rand() * ODD_VALUES.length)]);
  return JSON.parse(JSON.stringify(copy)) as unknown; // as on the wire: no holes, no undefined
}

describe('validateSegmentDocument', () => {
  describe('fixture table', () => {
    for (const [name, doc] of Object.entries(fixtures.valid)) {
      it(`accepts ${name}, as the schema does`, () => {
        expect(schemaValid(doc)).toBe(true);
        expect(validateSegmentDocument(doc)).toMatchObject({ ok: true });
      });
    }
    for (const [name, doc] of Object.entries(fixtures.invalid)) {
      it(`rejects ${name}, as the schema does`, () => {
        expect(schemaValid(doc)).toBe(false);
        const result = validateSegmentDocument(doc);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      });
    }
  });

  describe('agreement with the JSON schema', () => {
    it('agrees on 5,000 seeded mutations of the valid fixtures', () => {
      const rand = prng(20261125);
      const bases = Object.values(fixtures.valid);
      const disagreements: string[] = [];
      let accepted = 0;
      for (let i = 0; i < 5000; i++) {
        const doc = mutate(bases[i % bases.length], rand);
        const ours = validateSegmentDocument(doc, { checkTimeOrder: false }).ok;
        if (ours) accepted++;
        if (ours !== schemaValid(doc))
          disagreements.push(
            `${ours} ${JSON.stringify(schemaValid.errors?.slice(0, 2))} ${JSON.stringify(validateSegmentDocument(doc, { checkTimeOrder: false }))}`.slice(
              0,
              600,
            ),
          );
      }
      expect(disagreements).toEqual([]);
      expect(accepted).toBeGreaterThan(500); // the table holds both kinds, not only rejections
      expect(accepted).toBeLessThan(4500);
    });
  });

  describe('rules beyond the schema', () => {
    const base = fixtures.valid['minimal segment'] as Record<string, unknown>;

    it('rejects end_time before start_time', () => {
      const result = validateSegmentDocument({ ...base, end_time: 1 });
      expect(result).toMatchObject({ ok: false, problems: [{ path: '/end_time' }] });
    });

    it('rejects a raw document over 64 KB before parsing it', () => {
      const big = JSON.stringify({ ...base, metadata: { default: { blob: 'x'.repeat(70_000) } } });
      expect(validateSegmentDocument(big)).toMatchObject({
        ok: false,
        problems: [{ message: expect.stringContaining('65536') }],
      });
    });

    it('reports invalid JSON instead of throwing', () => {
      expect(validateSegmentDocument('{"name":')).toMatchObject({
        ok: false,
        problems: [{ message: expect.stringContaining('invalid JSON') }],
      });
    });

    it('names the path of a nested problem', () => {
      const doc = {
        ...base,
        subsegments: [
          {
            name: 'a',
            id: '53995c3f42cd8ad8',
            start_time: 1,
            end_time: 2,
            http: { response: { status: 'x' } },
          },
        ],
      };
      expect(validateSegmentDocument(doc)).toMatchObject({
        ok: false,
        problems: [{ path: '/subsegments/0/http/response/status', message: 'must be an integer' }],
      });
    });

    it('rejects nesting deeper than the limit without overflowing the stack', () => {
      let sub: Record<string, unknown> = {
        name: 'leaf',
        id: '53995c3f42cd8ad8',
        start_time: 1,
        end_time: 2,
      };
      for (let i = 0; i < 10_000; i++)
        sub = { name: 'n', id: '53995c3f42cd8ad8', start_time: 1, end_time: 2, subsegments: [sub] };
      const result = validateSegmentDocument({ ...base, subsegments: [sub] });
      expect(result.ok).toBe(false);
    });

    it('classifies an independent subsegment', () => {
      expect(validateSegmentDocument(fixtures.valid['independent subsegment'])).toMatchObject({
        ok: true,
        kind: 'subsegment',
      });
    });
  });
});
