// Real processes: an ESM front service calls an ESM back service with node:http and with fetch,
// traced once through `--import @otel-xray/node/register` and once by `startTracing()` called from
// code before the app is imported. Every call must continue the trace downstream.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentDocument, SubsegmentDocument } from '@otel-xray/core';

const packageDir = join(import.meta.dirname, '..');
const fixtures = join(packageDir, 'test/fixtures');
const docs: SegmentDocument[] = [];
const children: ChildProcess[] = [];
let udp: Socket;
let daemon = '';

beforeAll(async () => {
  udp = createSocket('udp4');
  udp.on('message', (msg) => {
    const text = msg.toString('utf8');
    docs.push(JSON.parse(text.slice(text.indexOf('\n') + 1)) as SegmentDocument);
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  daemon = `127.0.0.1:${udp.address().port}`;
});

afterAll(async () => {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    }),
  );
  udp.close();
});

async function start(name: string, args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--conditions=otel-xray-source', ...args], {
    cwd: packageDir,
    env: {
      ...process.env,
      OTEL_SERVICE_NAME: name,
      OTEL_TRACES_SAMPLER: 'always_on',
      AWS_XRAY_DAEMON_ADDRESS: daemon,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const port = await waitFor(
    () => /PORT=(\d+)/.exec(out)?.[1],
    () => out,
  );
  return `http://127.0.0.1:${port}`;
}

async function waitFor<T>(read: () => T | undefined, explain: () => string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out\n${explain()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function subsegments(doc: { subsegments?: SubsegmentDocument[] }): SubsegmentDocument[] {
  return (doc.subsegments ?? []).flatMap((s) => [s, ...subsegments(s)]);
}

/** The front segment of the call, the subsegment of its downstream call and the back segment. */
async function tracedCall(front: string, via: 'http' | 'fetch', frontName: string) {
  const res = await fetch(`${front}/?via=${via}`);
  expect(await res.text()).toBe('200');
  return waitFor(
    () => {
      const segment = docs.find(
        (d) => d.name === frontName && String(d.http?.request?.url ?? '').includes(`via=${via}`),
      );
      if (segment === undefined) return undefined;
      // The call's subsegment is embedded, or sent on its own (type: subsegment) when it ended first.
      const call = docs
        .filter((d) => d.trace_id === segment.trace_id)
        .flatMap((d) => [d as SubsegmentDocument, ...subsegments(d)])
        .find((s) => s.namespace === 'remote');
      const back = docs.find((d) => d.name === 'back' && d.trace_id === segment.trace_id);
      return call === undefined || back === undefined ? undefined : { segment, call, back };
    },
    () => JSON.stringify(docs.map((d) => [d.name, d.trace_id, d.http?.request?.url])),
  );
}

describe('@otel-xray/node in an ESM app', () => {
  let back = '';
  beforeAll(async () => {
    back = await start(
      'back',
      ['--import', '@otel-xray/node/register', join(fixtures, 'esm-app.mjs')],
      {
        ROLE: 'back',
      },
    );
  });

  describe.each([
    ['register', ['--import', '@otel-xray/node/register', join(fixtures, 'esm-app.mjs')]],
    ['startTracing() from code', [join(fixtures, 'start-from-code.mjs')]],
  ])('started with %s', (mode, args) => {
    const frontName = `front-${mode.startsWith('register') ? 'register' : 'code'}`;
    let front = '';
    beforeAll(async () => {
      front = await start(frontName, args, { ROLE: 'front', BACK_URL: `${back}/work` });
    });

    it.each(['http', 'fetch'] as const)(
      'traces a %s call as a subsegment and continues the trace downstream',
      async (via) => {
        const { call, back: backSegment } = await tracedCall(front, via, frontName);
        expect(call.http?.request?.url).toBe(`${back}/work`);
        expect(call.http?.response?.status).toBe(200);
        expect(backSegment.parent_id).toBe(call.id);
      },
    );
  });
});
