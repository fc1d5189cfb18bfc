// Differential test against @opentelemetry/propagator-aws-xray: on 100,000 seeded headers both
// propagators must yield the same span context or both none — except for the documented
// categories, each of which is proven by repairing the header and re-running both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ROOT_CONTEXT,
  defaultTextMapGetter,
  trace,
  type Context,
  type SpanContext,
  type TextMapPropagator,
} from '@opentelemetry/api';
import { AWSXRayPropagator } from '@opentelemetry/propagator-aws-xray';
import { parseTraceHeader } from '@otel-xray/core';
import { XRayPropagator, isSamplingUndecided } from '@otel-xray/propagation';
import { Rng, fuzzHeader } from './support/header-fuzz.ts';

const HEADERS = 100_000;
const SEED = 0x0e1a_2026;

type Category =
  | 'sampled-undecided'
  | 'key-case'
  | 'key-prefix'
  | 'value-whitespace'
  | 'uppercase-hex'
  | 'over-limit';

const ours = new XRayPropagator();
const peer = new AWSXRayPropagator();

interface Outcome {
  ctx: Context;
  ours: SpanContext | undefined;
  peer: SpanContext | undefined;
}

function run(header: string, subject: TextMapPropagator = ours): Outcome {
  const carrier = { 'x-amzn-trace-id': header };
  const ctx = subject.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
  return {
    ctx,
    ours: trace.getSpanContext(ctx),
    peer: trace.getSpanContext(peer.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter)),
  };
}

function same(a: SpanContext | undefined, b: SpanContext | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.traceId === b.traceId &&
    a.spanId === b.spanId &&
    a.traceFlags === b.traceFlags &&
    a.isRemote === b.isRemote
  );
}

const KNOWN = ['Root', 'Parent', 'Sampled'];

/** Rewrites each `;`-part; parts for which `edit` returns undefined are dropped. */
function mapParts(header: string, edit: (part: string) => string | undefined): string {
  return header
    .split(';')
    .map((part) => edit(part))
    .filter((part): part is string => part !== undefined)
    .join(';');
}

function keyOf(part: string): string {
  const trimmed = part.trim();
  const eq = trimmed.indexOf('=');
  return (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim();
}

// Each repair removes one feature; if both propagators then agree (possibly after more repairs),
// the feature explains the disagreement.
const REPAIRS: Array<[Category, (header: string, outcome: Outcome) => string | undefined]> = [
  [
    'sampled-undecided',
    (h, o) =>
      o.ours !== undefined && o.peer === undefined && isSamplingUndecided(o.ctx)
        ? `${h};Sampled=0`
        : undefined,
  ],
  [
    'key-case',
    (h) =>
      mapParts(h, (part) => {
        const canonical = KNOWN.find((k) => k.toLowerCase() === keyOf(part).toLowerCase());
        return canonical === undefined || part.includes('=') === false
          ? part
          : `${canonical}=${part.slice(part.indexOf('=') + 1)}`;
      }),
  ],
  [
    'key-prefix',
    (h) =>
      mapParts(h, (part) => {
        const trimmed = part.trim();
        const prefixed = KNOWN.some((k) => trimmed.startsWith(k));
        return prefixed && (!trimmed.includes('=') || !KNOWN.includes(keyOf(part)))
          ? undefined
          : part;
      }),
  ],
  [
    'value-whitespace',
    (h) =>
      mapParts(h, (part) =>
        KNOWN.some((k) => k.toLowerCase() === keyOf(part).toLowerCase()) && part.includes('=')
          ? `${part.slice(0, part.indexOf('='))}=${part.slice(part.indexOf('=') + 1).trim()}`
          : part,
      ),
  ],
];

function explain(
  header: string,
  subject: TextMapPropagator = ours,
  depth = 0,
): Category[] | undefined {
  const outcome = run(header, subject);
  if (same(outcome.ours, outcome.peer)) return [];
  const parsed = parseTraceHeader(header);
  if (!parsed.ok && /^(longer than|more than)/.test(parsed.reason) && outcome.peer !== undefined)
    return ['over-limit'];
  if (outcome.ours !== undefined && outcome.peer !== undefined) {
    const lowered = {
      ...outcome.peer,
      traceId: outcome.peer.traceId.toLowerCase(),
      spanId: outcome.peer.spanId.toLowerCase(),
    };
    if (same(outcome.ours, lowered)) return ['uppercase-hex'];
  }
  if (depth >= 4) return undefined;
  for (const [category, repair] of REPAIRS) {
    const repaired = repair(header, outcome);
    if (repaired === undefined || repaired === header) continue;
    const rest = explain(repaired, subject, depth + 1);
    if (rest !== undefined) return [category, ...rest];
  }
  return undefined;
}

/** The categories listed in the README's disagreement table (`| \`category\` | ...`). */
function documentedCategories(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split('## Differences from @opentelemetry/propagator-aws-xray')[1] ?? '';
  const table = section.split('\n## ')[0] ?? '';
  return [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
}

describe('XRayPropagator vs @opentelemetry/propagator-aws-xray', () => {
  describe(`extract on ${HEADERS.toLocaleString('en')} seeded headers`, () => {
    const rng = new Rng(SEED);
    const counts = new Map<string, number>();
    const unexplained: string[] = [];
    let agreeWithContext = 0;
    for (let i = 0; i < HEADERS; i++) {
      const header = fuzzHeader(rng);
      const outcome = run(header);
      if (same(outcome.ours, outcome.peer)) {
        if (outcome.ours !== undefined) agreeWithContext++;
        continue;
      }
      const categories = explain(header);
      if (categories === undefined || categories.length === 0) {
        unexplained.push(header);
        continue;
      }
      for (const category of new Set(categories))
        counts.set(category, (counts.get(category) ?? 0) + 1);
    }

    it('explains every disagreement by a documented category', () => {
      expect(unexplained.slice(0, 10)).toEqual([]);
      expect(unexplained.length).toBe(0);
    });
    it('meets every documented category, and no other (the README table is the list)', () => {
      const documented = documentedCategories();
      expect(documented.length).toBeGreaterThan(0);
      expect([...counts.keys()].sort()).toEqual([...documented].sort());
    });
    it('agrees on a real span context for a large share of the inputs', () => {
      expect(agreeWithContext).toBeGreaterThan(HEADERS * 0.15);
    });
  });

  describe('explain', () => {
    const header = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

    it('names the category of each kind of difference', () => {
      expect(explain(header)).toEqual([]);
      expect(explain(header.replace('Sampled=1', 'Sampled=?'))).toEqual(['sampled-undecided']);
      expect(explain(header.replace('Root', 'root'))).toEqual(['key-case']);
      expect(explain(`${header};RootX=1`)).toEqual(['key-prefix']);
      expect(explain(header.replace('Sampled=', 'Sampled= '))).toEqual(['value-whitespace']);
      expect(explain(header.replace('bd862e3f', 'BD862E3F'))).toEqual(['uppercase-hex']);
      expect(explain(`${header};x=${'a'.repeat(5000)}`)).toEqual(['over-limit']);
      expect(explain(`root=${header.slice(5, 40)}`)).toEqual([]);
    });
    it('leaves a difference no category covers unexplained', () => {
      // A broken propagator that marks everything sampled disagrees on Sampled=0.
      const broken: TextMapPropagator = {
        inject: () => undefined,
        fields: () => [],
        extract: (ctx, carrier, getter) => {
          const span = trace.getSpanContext(ours.extract(ctx, carrier, getter));
          return span ? trace.setSpanContext(ctx, { ...span, traceFlags: 1 }) : ctx;
        },
      };
      expect(explain(header.replace('Sampled=1', 'Sampled=0'), broken)).toBeUndefined();
    });
  });
});
