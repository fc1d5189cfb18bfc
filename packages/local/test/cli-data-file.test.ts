import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { demoTrace } from './helpers/documents.ts';
import { overwrite, writeDataFile } from './helpers/data-files.ts';

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'otel-xray-cli-data-'));
const children: Array<ChildProcessByStdio<null, Readable, Readable>> = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcessByStdio<null, Readable, Readable>;
  endpoint: string;
  stderr: () => string;
}

function run(args: string[]): ChildProcessByStdio<null, Readable, Readable> {
  const child = spawn(
    process.execPath,
    ['--conditions=otel-xray-source', cli, '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return child;
}

/** Starts the CLI and resolves once it prints its endpoint. */
async function start(args: string[]): Promise<Running> {
  const child = run(args);
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /AWS_ENDPOINT_URL_XRAY=(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
  return { child, endpoint, stderr: () => err };
}

/** Runs the CLI to its exit. */
async function exitOf(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = run(args);
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

async function post(endpoint: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${endpoint}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function segmentCount(endpoint: string, trace: string): Promise<number> {
  const out = (await post(endpoint, '/Traces', { TraceIds: [trace] })) as {
    Traces: Array<{ Segments: unknown[] }>;
  };
  return out.Traces[0]?.Segments.length ?? 0;
}

function stop(child: Running['child'], signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

describe('otel-xray-local --data', () => {
  describe('two instances on one file', () => {
    it('refuses the second at once naming the file and the first pid; the first keeps working', async () => {
      const file = join(dir, 'shared.db');
      const first = await start(['--data', file]);
      const { trace, documents } = demoTrace();
      await post(first.endpoint, '/TraceSegments', {
        TraceSegmentDocuments: documents.map((d) => JSON.stringify(d)),
      });

      const second = await exitOf(['--data', file]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(
          `^otel-xray-local: cannot start: ${file} is in use by another otel-xray-local ` +
            `\\(pid ${first.child.pid}, started [^,]+, port ${new URL(first.endpoint).port}\\); ` +
            `stop it or use another --data path\\n$`,
        ),
      );
      expect(await segmentCount(first.endpoint, trace)).toBe(5);

      expect(await stop(first.child, 'SIGKILL')).toBe(null);
      const third = await start(['--data', file]);
      expect(await segmentCount(third.endpoint, trace)).toBe(5);
      expect(await stop(third.child, 'SIGTERM')).toBe(0);
    }, 60_000);
  });

  describe('a damaged file', () => {
    it('exits with a message naming the file and the ways out; --data-recover then starts on what was read', async () => {
      const file = join(dir, 'damaged.db');
      const ids = await writeDataFile(file, 50);
      overwrite(file, 0, 100, 0);

      const refused = await exitOf(['--data', file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `otel-xray-local: cannot start: ${file} is damaged (file is not a database); start with ` +
          `--data-recover to copy what can be read into a new file (the damaged one is kept ` +
          `beside it), or use another --data path\n`,
      );

      const recovered = await start(['--data', file, '--data-recover']);
      expect(recovered.stderr()).toMatch(
        /^otel-xray-local: --data-recover: .* recovered 150 documents and 1 setting; .*the damaged file is kept at .*\.damaged-\d{8}T\d{6}Z\n$/,
      );
      expect(await segmentCount(recovered.endpoint, ids[0]!)).toBe(3);
      expect(readdirSync(dir).filter((f) => f.startsWith('damaged.db.damaged-'))).toHaveLength(1);
      expect(await stop(recovered.child, 'SIGTERM')).toBe(0);
      expect(existsSync(`${file}.lock`)).toBe(false);
    }, 60_000);
  });
});
