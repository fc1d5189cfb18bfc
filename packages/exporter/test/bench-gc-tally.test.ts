import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  GC_TRACE_FLAG,
  promotedIn,
  promotedKbPerRequest,
  tallyGc,
} from '../bench/support/gc-tally.ts';

const scavenge =
  '[1:0x1:0]  36 ms: pause=0.7 mutator=31.0 gc=s reduce_memory=0 scavenge=0.55 promoted=4096 ' +
  'semi_space_copied=100 promotion_ratio=12.0%';
const markCompact = '[1:0x1:0]  90 ms: pause=5.1 mutator=20.0 gc=mc reduce_memory=0 promoted=1000';

describe('bench GC tally', () => {
  it('reads promoted bytes from scavenge and mark-compact lines only', () => {
    expect(promotedIn(scavenge)).toBe(4096);
    expect(promotedIn(markCompact)).toBe(1000);
    expect(promotedIn('PORT 4000')).toBe(0);
    expect(promotedIn('gc=s but no count')).toBe(0);
    // Other fields that end in "promoted" do not count.
    expect(promotedIn('pause=1 gc=s old_promoted=77 promoted=5')).toBe(5);
  });

  it('gives KB per request, and the bytes themselves for a window without requests', () => {
    expect(promotedKbPerRequest(8_000_000, 1000)).toBe(8);
    expect(promotedKbPerRequest(5000, 0)).toBe(5);
  });

  it('sums lines split across chunks', () => {
    const stream = new PassThrough();
    const tally = tallyGc(stream);
    const text = `PORT 1\n${scavenge}\n${markCompact}\n${scavenge}\n`;
    for (let i = 0; i < text.length; i += 7) stream.write(text.slice(i, i + 7));
    expect(tally.promotedBytes()).toBe(4096 + 1000 + 4096);
  });

  it('counts what a real node process promotes', async () => {
    // Keeps 200,000 objects alive across scavenges: they must be promoted.
    const program =
      'const keep = []; for (let i = 0; i < 200000; i++) keep.push({ i }); console.log(keep.length);';
    const child = spawn(process.execPath, [GC_TRACE_FLAG, '-e', program], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tally = tallyGc(child.stdout);
    await new Promise((resolve) => child.once('close', resolve));
    expect(tally.promotedBytes()).toBeGreaterThan(1_000_000);
  });
});
