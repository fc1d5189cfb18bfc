// validateSegmentDocument vs Ajv (2020-12) compiled from spec/xray-segment-schema.json on the same
// documents, side by side in one run; JSON.parse of the same text is printed for scale. The local
// X-Ray validates every ingested document, so this sits on its UDP ingest path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateSegmentDocument } from '@otel-xray/core';

const fixtures = JSON.parse(
  readFileSync(join(import.meta.dirname, '../test/fixtures/segment-documents.json'), 'utf8'),
) as { valid: Record<string, unknown> };
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../test/support/xray-segment-schema.json'), 'utf8'),
) as object;
const ajvValidate = new Ajv2020({ strict: false }).compile(schema);
const docs = Object.values(fixtures.valid);
const texts = docs.map((d) => JSON.stringify(d));
const N = 200_000;

function cpuMs(fn: () => void): number {
  globalThis.gc?.();
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const runs: Record<'ours' | 'ajv' | 'parse', number[]> = { ours: [], ajv: [], parse: [] };
let sink = 0;
for (let round = 0; round < 7; round++) {
  runs.ours.push(
    cpuMs(() => {
      for (let i = 0; i < N; i++) sink += validateSegmentDocument(docs[i % docs.length]).ok ? 1 : 0;
    }),
  );
  runs.ajv.push(
    cpuMs(() => {
      for (let i = 0; i < N; i++) sink += ajvValidate(docs[i % docs.length]) ? 1 : 0;
    }),
  );
  runs.parse.push(
    cpuMs(() => {
      for (let i = 0; i < N; i++) sink += (JSON.parse(texts[i % texts.length]!) as object) ? 1 : 0;
    }),
  );
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const per = (ms: number): string => `${((ms * 1000) / N).toFixed(2)} µs/doc`;
console.log(
  `validate ${N} documents (${docs.length} fixture shapes), CPU time, median of 7 rounds`,
);
console.log(`  ours (validateSegmentDocument): ${per(median(runs.ours))}`);
console.log(`  peer (Ajv compiled schema):     ${per(median(runs.ajv))}`);
console.log(`  JSON.parse of the same text:    ${per(median(runs.parse))}  (for scale)`);
console.log(
  `  ratio ours/peer speed: ${(median(runs.ajv) / median(runs.ours)).toFixed(2)}×  (sink ${sink % 7})`,
);
