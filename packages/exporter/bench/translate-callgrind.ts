// Instruction-count driver for the translation bench (repeatable on a loaded machine, unlike wall
// clock): warms up with 30 batches, then translates the bench's 2,000 spans RUNS more times with
// toSegmentJson (or the peer, JsonTraceSerializer). Run it under callgrind with RUNS=10 and RUNS=30;
// (total30 − total10) / 20 is the instruction count of one batch (`grep ^summary FILE`). Without
// --single-threaded, V8's JIT and GC helper threads make the counts swing by about ±10 %.
// Run: valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=FILE node \
//   --single-threaded --conditions=otel-xray-source packages/exporter/bench/translate-callgrind.ts \
//   ours|peer 10|30
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { toSegmentJson } from '@otel-xray/core';
import { benchSpans } from './support/translate-spans.ts';

const WARM_UP = 30;
const task = process.argv[2] === 'peer' ? 'peer' : 'ours';
const runs = Number(process.argv[3] ?? '0');
const { spans, provider } = benchSpans(2000);

let sink = 0;
function ours(): void {
  // Number() flattens the rope, as the bench charges it.
  for (const span of spans)
    for (const text of toSegmentJson(span)) sink += Number.isNaN(Number(text)) ? text.length : 0;
}
function peer(): void {
  sink += JsonTraceSerializer.serializeRequest(spans)?.length ?? 0;
}
const run = task === 'peer' ? peer : ours;
for (let i = 0; i < WARM_UP + runs; i++) run();
console.log(`${task}: ${WARM_UP} + ${runs} batches (sink ${sink})`);
await provider.shutdown();
