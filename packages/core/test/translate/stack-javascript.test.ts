// The V8 stack parser against every line of real Node 22 and Node 24 stacks
// (test/fixtures/v8-stacks.json, written by test/support/v8-stacks/generate.mjs: the expected frame
// of each line comes from V8's structured call sites, not from the text), then hand-written lines
// for what Node on Linux cannot write and for malformed input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StackFrame } from '@otel-xray/core';
import { parseJavaScriptStack } from '../../src/translate/internal/stack-javascript.ts';

interface StackCase {
  source: 'esm' | 'cjs';
  name: string;
  stack: string;
  /** One entry per line of `stack`: the frame it is, or null when it is no frame. */
  frames: Array<StackFrame | null>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/v8-stacks.json', import.meta.url), 'utf8'),
) as { runs: Array<{ node: string; cases: StackCase[] }> };

const frame = (path: string, line: number, label = ''): StackFrame => ({ path, line, label });

describe('parseJavaScriptStack', () => {
  describe('real stacks', () => {
    it('has stacks of Node 22 and Node 24, with files, node: modules, eval and async frames', () => {
      expect(fixture.runs.map((run) => run.node.split('.')[0])).toEqual(['v22', 'v24']);
      const frames = fixture.runs.flatMap((run) => run.cases.flatMap((c) => c.frames));
      const paths = frames.map((f) => f?.path ?? '');
      expect(paths.some((p) => p.endsWith('/srv app ü (1)/stock.ts'))).toBe(true);
      expect(paths.some((p) => p.startsWith('node:internal/'))).toBe(true);
      expect(paths.some((p) => p.startsWith('C:\\'))).toBe(true);
      expect(frames.some((f) => f?.label === 'async Promise.all (index 1)')).toBe(true);
      expect(frames.filter((f) => f === null).length).toBeGreaterThan(50);
    });

    it('writes at most 12 JSON bytes per stack character, the bound mayExceedLimit counts on', () => {
      for (const run of fixture.runs) {
        for (const c of run.cases) {
          const bytes = Buffer.byteLength(JSON.stringify(parseJavaScriptStack(c.stack)));
          expect(bytes).toBeLessThanOrEqual(12 * c.stack.length);
        }
      }
      for (const stack of [' at a:1:1', ' at a (b)', ' at "\u0001" (/\u0001:1:1)'])
        expect(Buffer.byteLength(JSON.stringify(parseJavaScriptStack(stack)))).toBeLessThanOrEqual(
          12 * stack.length,
        );
    });

    for (const run of fixture.runs) {
      describe(`Node ${run.node}`, () => {
        for (const c of run.cases) {
          it(`reads every line of ${c.source}: ${c.name}`, () => {
            const lines = c.stack.split('\n');
            expect(lines.map((line) => parseJavaScriptStack(line)[0] ?? null)).toEqual(c.frames);
            expect(parseJavaScriptStack(c.stack)).toEqual(c.frames.filter((f) => f !== null));
          });
        }
      });
    }
  });

  describe('file URLs', () => {
    it('gives the POSIX path, decoded, without query or hash', () => {
      expect(
        parseJavaScriptStack(
          [
            '    at Stock.validate (file:///srv/app/src/st%C3%B6ck%20v2.ts:12:9)',
            '    at file://localhost/srv/app/main.mjs?v=3#top:1:2',
          ].join('\n'),
        ),
      ).toEqual([
        frame('/srv/app/src/stöck v2.ts', 12, 'Stock.validate'),
        frame('/srv/app/main.mjs', 1),
      ]);
    });

    it('gives the Windows path for a drive letter or a host', () => {
      expect(
        parseJavaScriptStack(
          [
            '    at handler (file:///C:/app/src/x.js:1:2)',
            '    at file:///d:/Program%20Files%20(x86)/app/y.mjs:3:4',
            '    at load (file://fileserver/share/app/z.js:5:6)',
          ].join('\n'),
        ),
      ).toEqual([
        frame('C:\\app\\src\\x.js', 1, 'handler'),
        frame('d:\\Program Files (x86)\\app\\y.mjs', 3),
        frame('\\\\fileserver\\share\\app\\z.js', 5, 'load'),
      ]);
    });

    it('keeps a URL whose escapes do not decode, and one without a path', () => {
      expect(
        parseJavaScriptStack('    at f (file:///app/100%.js:1:2)\n    at g (file://host:3:4)'),
      ).toEqual([frame('/app/100%.js', 1, 'f'), frame('file://host', 3, 'g')]);
    });
  });

  describe('other lines', () => {
    it('reads Windows paths with a label and CRLF line ends', () => {
      expect(
        parseJavaScriptStack(
          'Error: x\r\n    at Object.<anonymous> (C:\\app\\src\\x.js:1:2)\r\n    at C:\\app\\y.js:3:4\r\n',
        ),
      ).toEqual([frame('C:\\app\\src\\x.js', 1, 'Object.<anonymous>'), frame('C:\\app\\y.js', 3)]);
    });

    it('reads old-V8 native frames, bare <anonymous>, wasm and browser frames', () => {
      expect(
        parseJavaScriptStack(
          [
            '    at Array.forEach (native)',
            '    at <anonymous>',
            '    at add (wasm://wasm/8c5a3b2e:wasm-function[1]:0x2a)',
            '    at https://example.com/static/app.js:10:5',
          ].join('\n'),
        ),
      ).toEqual([
        frame('native', 0, 'Array.forEach'),
        frame('<anonymous>', 0),
        frame('wasm://wasm/8c5a3b2e:wasm-function[1]:0x2a', 0, 'add'),
        frame('https://example.com/static/app.js', 10),
      ]);
    });

    it('trims labels, reads unbalanced parentheses in a path and a one-colon location', () => {
      expect(
        parseJavaScriptStack(
          [
            '      at   speedy    (/app/src/orders.js:10:15)   ',
            '    at load (/app/a)b/x.js:7:1)',
            '    at Object.<anonymous> (file:10)',
          ].join('\n'),
        ),
      ).toEqual([
        frame('/app/src/orders.js', 10, 'speedy'),
        frame('/app/a)b/x.js', 7, 'load'),
        frame('file:10', 0, 'Object.<anonymous>'),
      ]);
    });

    it('places eval code at the outermost eval call, also 500 evals deep', () => {
      const nested = 'eval at a ('.repeat(500) + 'file:///app/x.js:9:1' + ')'.repeat(500);
      expect(
        parseJavaScriptStack(
          [
            `    at eval (${nested}, <anonymous>:1:1)`,
            '    at eval (eval at run (/app/(v1)/x.js:4:2), <anonymous>:1:1)',
          ].join('\n'),
        ),
      ).toEqual([frame('/app/x.js', 9, 'eval'), frame('/app/(v1)/x.js', 4, 'eval')]);
    });

    it("skips the header, message lines, blank frames and other languages' frames", () => {
      expect(
        parseJavaScriptStack(
          [
            'at first (/app/x.js:1:1)',
            '    at ',
            '    at least one item is required',
            '    at broken (no-close-paren',
            '\tat com.example.Orders.place(Orders.java:42)',
            '    at Orders.Place() in /app/Orders.cs:line 4',
            '    at a.B.c(B.java:3)',
            '    ... 3 lines matching cause stack trace ...',
            '',
          ].join('\n'),
        ),
      ).toEqual([]);
      expect(parseJavaScriptStack('')).toEqual([]);
    });

    it('gives line 0 for a line number past the safe integers', () => {
      expect(parseJavaScriptStack('    at f (/x.js:99999999999999999999:1)')).toEqual([
        frame('/x.js', 0, 'f'),
      ]);
    });
  });
});
