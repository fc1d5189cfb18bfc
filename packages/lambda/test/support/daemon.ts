import { createSocket } from 'node:dgram';
import type { SegmentDocument } from '@otel-xray/core';

/** A UDP socket standing in for the X-Ray daemon: it keeps every document it receives. */
export interface FakeDaemon {
  /** `127.0.0.1:<port>`, for `AWS_XRAY_DAEMON_ADDRESS`. */
  address: string;
  documents: SegmentDocument[];
  /** Resolves once `count` documents have arrived. */
  waitFor(count: number): Promise<SegmentDocument[]>;
  close(): Promise<void>;
}

/** Binds a fake daemon on an ephemeral loopback port. */
export async function startFakeDaemon(): Promise<FakeDaemon> {
  const socket = createSocket('udp4');
  const documents: SegmentDocument[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const [header, body] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
    if (header !== '{"format":"json","version":1}') throw new Error(`bad daemon header ${header}`);
    documents.push(JSON.parse(body) as SegmentDocument);
    for (const waiter of waiters.splice(0)) waiter();
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    documents,
    async waitFor(count) {
      while (documents.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return documents;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
