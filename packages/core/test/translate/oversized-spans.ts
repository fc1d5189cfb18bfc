// Seeded random spans for the 64 KB size guard: escape-heavy and multibyte text (quotes,
// backslashes, control characters, emoji, CJK) from a few bytes up to and past 64 KB, spread over
// the places a document grows: name, attributes, metadata, SQL, URLs, stack traces, links, status,
// resource. Tests of the exporter import it by relative path.
import type { Attributes, Link } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';
import type { TranslateOptions } from '@otel-xray/core';
import { exceptionEvent, makeLink, makeSpan } from '../support/span-factory.ts';
import { seededRandom } from '../support/seeded-random.ts';

/** Pieces text is made of: each escapes, widens in UTF-8, or both (and plain ASCII). */
const PIECES = [
  '"',
  '\\',
  '\u0000',
  '\u0001',
  '\n',
  '\u001f',
  '\u2028',
  '🙂',
  '👩‍👩‍👧',
  '漢字',
  'ö',
  'a',
  'select ',
  '</x>',
];
const KINDS = [
  SpanKind.SERVER,
  SpanKind.CLIENT,
  SpanKind.INTERNAL,
  SpanKind.PRODUCER,
  SpanKind.CONSUMER,
];
const LANGUAGES = ['nodejs', 'java', 'python'];
const OPTIONS: TranslateOptions[] = [
  {},
  {},
  { indexAllAttributes: true },
  { indexedAttributes: ['k0', 'k1'] },
];

/** One random span and the options to translate it with. */
export interface OversizedCase {
  span: ReadableSpan;
  options: TranslateOptions;
}

/** The places of a case, each present or not; `budget` UTF-16 units are shared among them. */
type Random = () => number;

function text(random: Random, units: number): string {
  // A run of one piece now and then: long escape or emoji runs are the worst case per unit.
  let out = '';
  while (out.length < units) {
    const piece = PIECES[Math.floor(random() * PIECES.length)] as string;
    out += random() < 0.1 ? piece.repeat(1 + Math.floor(random() * 200)) : piece;
  }
  // Cut on a code point boundary: inputs are well-formed UTF-16.
  const last = out.charCodeAt(units - 1);
  return out.slice(0, last >= 0xd800 && last <= 0xdbff ? units - 1 : units);
}

/** A number of units from 0 to `max`, log-uniform (small values as often as large ones). */
function size(random: Random, max: number): number {
  return Math.floor(Math.exp(random() * Math.log(max + 1))) - 1;
}

function stackTrace(random: Random, language: string, frames: number, width: number): string {
  const lines = [`Error: ${text(random, size(random, 200))}`];
  for (let i = 0; i < frames; i++) {
    const fn = text(random, size(random, width));
    const file = text(random, size(random, width));
    if (language === 'java') lines.push(`\tat ${fn}.m${i}(${file}.java:${i + 1})`);
    else if (language === 'python') lines.push(`  File "/${file}.py", line ${i + 1}, in ${fn}`);
    else lines.push(`    at ${fn} (file:///app/${file}.js:${i + 1}:9)`);
  }
  return lines.join('\n');
}

function attributes(random: Random, budget: number, count: number): Attributes {
  const out: Attributes = {};
  for (let k = 0; k < count; k++) {
    const key = random() < 0.5 ? `k${k}` : `${text(random, size(random, 40))}${k}`;
    out[key] =
      random() < 0.2
        ? [text(random, size(random, budget / 4)), text(random, size(random, budget / 4))]
        : text(random, size(random, budget));
  }
  return out;
}

/** `count` seeded spans (the same ones for the same seed), about half of them over 64 KB as text. */
export function oversizedSpans(seed: number, count: number): OversizedCase[] {
  const random = seededRandom(seed);
  const cases: OversizedCase[] = [];
  for (let i = 0; i < count; i++) {
    const budget = 1 + Math.floor(random() * 40_000);
    const language = LANGUAGES[Math.floor(random() * LANGUAGES.length)] as string;
    const attrs = attributes(random, budget, Math.floor(random() * 6));
    if (random() < 0.4) {
      attrs['db.system'] = 'postgresql';
      attrs['db.statement'] = text(random, size(random, 3 * budget));
    }
    if (random() < 0.4) {
      attrs['http.request.method'] = 'GET';
      attrs['url.full'] = `https://h.example/${text(random, size(random, budget))}`;
      attrs['http.response.status_code'] = random() < 0.5 ? 200 : 503;
    }
    const events: TimedEvent[] = [];
    // Now and then many exceptions with wide frames: the cut to 10 frames is not enough for them.
    const many = random() < 0.1;
    const exceptions = many
      ? Math.floor(random() * 40)
      : random() < 0.4
        ? 1 + Math.floor(random() * 3)
        : 0;
    for (let e = 0; e < exceptions; e++) {
      events.push(
        exceptionEvent(
          text(random, size(random, 100)),
          text(random, size(random, many ? 200 : budget / 4)),
          stackTrace(random, language, size(random, many ? 30 : 3000), many ? 800 : 60),
        ),
      );
    }
    const links: Link[] = [];
    for (let l = 0, n = random() < 0.3 ? Math.floor(random() * 25) : 0; l < n; l++) {
      const id = (l + 1).toString(16).padStart(16, '0');
      links.push(
        makeLink(
          '0af7651916cd43dd8448eb211c80319c',
          id,
          attributes(random, budget / 8, 1 + Math.floor(random() * 3)),
        ),
      );
    }
    const span = makeSpan({
      name: random() < 0.3 ? text(random, size(random, budget / 2)) : `op-${i}`,
      kind: KINDS[Math.floor(random() * KINDS.length)] as SpanKind,
      ...(random() < 0.7 && { parentSpanId: 'def5f36c82bfb98a' }),
      attributes: attrs,
      events,
      links,
      status:
        random() < 0.3
          ? { code: SpanStatusCode.ERROR, message: text(random, size(random, budget)) }
          : { code: SpanStatusCode.UNSET },
      extraResourceAttributes: {
        'telemetry.sdk.language': language,
        ...(random() < 0.2 && { 'r.note': text(random, size(random, budget / 2)) }),
      },
    });
    cases.push({
      span,
      options: OPTIONS[Math.floor(random() * OPTIONS.length)] as TranslateOptions,
    });
  }
  return cases;
}
