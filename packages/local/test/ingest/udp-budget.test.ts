// The daemon UDP port under its byte budget, over real loopback sockets. To make the queue fill
// deterministically, the test keeps the main thread busy sending (so nothing is stored) until the
// receive thread reports drops, instead of relying on a flood outrunning a thread.
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
import { ByteBudget } from '../../src/ingest/byte-budget.ts';
import { Ingestor } from '../../src/ingest/ingestor.ts';
import { UdpReceiver } from '../../src/ingest/udp-receiver.ts';
import { emptyStats, type LocalXRayStats } from '../../src/stats.ts';
import { MemoryTraceStore } from '../../src/store/memory-trace-store.ts';
import { nowSeconds, segment, traceId } from '../helpers/documents.ts';
import { kernelDrops } from '../helpers/kernel-drops.ts';

const HEADER = '{"format":"json","version":1}\n';
const LIMIT = 256 * 1024;
/** The longest the main thread is kept busy waiting for drops. */
const BLOCK_MS = 3_000;

/** A daemon datagram of a new trace, padded to about `bytes`. */
function datagram(bytes: number): Buffer {
  const doc = segment({ trace: traceId(), name: 'flood', start: nowSeconds(), end: nowSeconds() });
  const text = HEADER + JSON.stringify({ ...doc, metadata: { default: { pad: '' } } });
  return Buffer.from(
    text.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, bytes - text.length))}"`),
  );
}

async function connected(port: number): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
  return socket;
}

async function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !predicate() && Date.now() < end;) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Rig {
  udp: UdpReceiver;
  budget: ByteBudget;
  stats: LocalXRayStats;
  store: MemoryTraceStore;
  lines: string[];
  clock: { now: number };
  socket: Socket;
}

let rig: Rig | undefined;

async function startRig(limit = LIMIT): Promise<Rig> {
  const budget = new ByteBudget(limit);
  const stats = emptyStats();
  const store = new MemoryTraceStore(1_000_000);
  const ingestor = new Ingestor(store, stats, Date.now);
  const lines: string[] = [];
  const clock = { now: 0 };
  const udp = new UdpReceiver(ingestor, stats, {
    budget,
    log: (line) => lines.push(line),
    now: () => clock.now,
  });
  const port = await udp.bind(0, '127.0.0.1');
  rig = { udp, budget, stats, store, lines, clock, socket: await connected(port) };
  return rig;
}

/**
 * Sends 4 KB datagrams without yielding to the event loop (so the main thread stores nothing)
 * until the receive thread has dropped some; returns how many were sent.
 */
function floodWhileBlocked({ udp, socket }: Rig): number {
  const before = udp.dropped();
  const end = Date.now() + BLOCK_MS;
  let sent = 0;
  while (udp.dropped() === before && Date.now() < end) {
    for (let i = 0; i < 16; i++, sent++) socket.send(datagram(4096));
  }
  return sent;
}

/** Closes the sending socket and the receiver (which stores what it read); idempotent. */
async function stopRig(r: Rig): Promise<void> {
  if (r === rig) r.socket.close();
  rig = undefined;
  await r.udp.close();
}

afterEach(async () => {
  if (rig !== undefined) await stopRig(rig);
});

describe('UdpReceiver byte budget', () => {
  describe('when storing falls behind', () => {
    it('drops and counts datagrams beyond the budget, never holding more than the limit', async () => {
      const r = await startRig();
      const sent = floodWhileBlocked(r);
      expect(r.udp.dropped()).toBeGreaterThan(0);
      expect(r.budget.used).toBeLessThanOrEqual(LIMIT);

      // the kernel's count is final once the sends are done; the socket goes with the receiver
      const lostInKernel = kernelDrops(r.socket.remoteAddress().port);
      await stopRig(r);
      const s = r.stats;
      expect(s.datagramsDropped).toBeGreaterThan(0);
      expect(s.datagramsReceived).toBeGreaterThan(0);
      // Everything the receive thread read was either stored or counted as dropped; the rest of
      // what was sent was lost in the kernel (its receive buffer), not inside the server.
      if (lostInKernel === undefined)
        expect(s.datagramsReceived + s.datagramsDropped).toBeLessThanOrEqual(sent);
      else expect(s.datagramsReceived + s.datagramsDropped + lostInKernel).toBe(sent);
      expect(s.documentsAccepted).toBe(s.datagramsReceived);
      expect(r.store.size).toBe(s.documentsAccepted);
      expect(r.budget.peak).toBeGreaterThan(LIMIT / 2);
      expect(r.budget.peak).toBeLessThanOrEqual(LIMIT);
      expect(r.budget.used).toBe(0);
      expect(r.udp.queuedBytes).toBe(0);
    });

    it('gives the budget back once the queue drains, and then accepts datagrams again', async () => {
      const r = await startRig();
      floodWhileBlocked(r);
      await until(() => r.budget.used === 0);
      expect(r.budget.used).toBe(0);
      const dropped = r.udp.dropped();
      const received = r.stats.datagramsReceived;
      for (let i = 0; i < 10; i++) r.socket.send(datagram(512));
      await until(() => r.stats.datagramsReceived === received + 10);
      expect(r.stats.datagramsReceived).toBe(received + 10);
      expect(r.udp.dropped()).toBe(dropped);
    });

    it('writes one warning per 10 s window, with the drops since the last line', async () => {
      const r = await startRig();
      floodWhileBlocked(r);
      await until(() => r.budget.used === 0);
      floodWhileBlocked(r);
      await until(() => r.budget.used === 0);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toContain('256 KiB');
      expect(r.lines[0]).toContain('--max-queue-bytes');

      const droppedBefore = r.udp.dropped();
      r.clock.now += 10_000;
      floodWhileBlocked(r); // its first look at the counter writes the second line
      expect(r.udp.dropped()).toBeGreaterThan(droppedBefore);
      expect(r.lines).toHaveLength(2);
      const counts = r.lines.map((l) =>
        Number(/dropped ([\d,]+)/.exec(l)?.[1]?.replaceAll(',', '')),
      );
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBeGreaterThan(0);
      expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(droppedBefore);
    });
  });

  describe('when traffic stays under the budget', () => {
    it('loses nothing, though far more than the budget passes through', async () => {
      const r = await startRig();
      const port = r.socket.remoteAddress().port;
      // 50 datagrams of 1 KiB take < 128 KiB of receive buffer with the kernel's overhead, below
      // Linux's default 208 KiB: at this rate the kernel cannot drop any either.
      const groups = 40;
      const perGroup = 50;
      for (let g = 1; g <= groups; g++) {
        for (let i = 0; i < perGroup; i++) r.socket.send(datagram(1024));
        await until(() => r.stats.datagramsReceived === g * perGroup);
      }
      expect(kernelDrops(port) ?? 0).toBe(0);
      await stopRig(r);
      expect(groups * perGroup * 1024).toBeGreaterThan(4 * LIMIT);
      expect(r.stats.datagramsDropped).toBe(0);
      expect(r.stats.documentsAccepted).toBe(groups * perGroup);
      expect(r.budget.used).toBe(0);
      expect(r.lines).toEqual([]);
    });
  });
});

describe('startLocalXRay maxQueueBytes', () => {
  describe('a budget smaller than any datagram', () => {
    it('drops every datagram, counts it in the stats and /_local/stats, and warns once', async () => {
      const lines: string[] = [];
      const xray = await startLocalXRay({ port: 0, maxQueueBytes: 1, log: (l) => lines.push(l) });
      try {
        const socket = await connected(xray.port);
        for (let i = 0; i < 100; i++) socket.send(datagram(300));
        await until(() => xray.stats().datagramsDropped === 100);
        const response = await fetch(`${xray.endpoint}/_local/stats`);
        const remote = (await response.json()) as LocalXRayStats;
        socket.close();
        expect(remote.datagramsDropped).toBe(100);
        expect(remote.queuedBytes).toBe(0);
        expect(remote.datagramsReceived).toBe(0);
        expect(lines.filter((l) => l.includes('--max-queue-bytes'))).toHaveLength(1);
      } finally {
        await xray.stop();
      }
      expect(xray.stats()).toMatchObject({
        datagramsDropped: 100,
        queuedBytes: 0,
        documentsAccepted: 0,
      });
    });
  });
});
