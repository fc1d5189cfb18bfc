// Daemon protocol (spec/xray-protocol.md §3.1): one datagram per document,
// `{"format":"json","version":1}` LF document.
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { diag } from '@opentelemetry/api';
import { DAEMON_HEADER } from '@otel-xray/core';
import type { HostPort } from '../daemon-address.ts';
import type { ExporterStats } from '../types.ts';
import type { DocumentTransport } from './document-transport.ts';

const PREFIX = `${DAEMON_HEADER}\n`;
/** Largest IPv4 UDP payload; the daemon's 64 KiB receive buffer is larger. */
const MAX_DATAGRAM_BYTES = 65_507;

/** Options of {@link createUdpTransport}. */
export interface UdpTransportOptions {
  /** Where the daemon listens. */
  address: HostPort;
  /** Shared counters. */
  stats: ExporterStats;
}

/** Encodes one datagram: header line, LF, document (dgram sends a string as UTF-8). */
export function encodeDatagram(json: string): string {
  return PREFIX + json;
}

/**
 * A transport that sends datagrams on one `connect()`ed, unref()'d UDP socket. Connecting makes
 * the kernel report ICMP "port unreachable" from a dead daemon as socket errors, which are
 * counted as `sendErrors`; as in the X-Ray SDKs they do not fail the export (UDP is
 * fire-and-forget), so `documentsSent` means "handed to the socket".
 */
export function createUdpTransport(options: UdpTransportOptions): DocumentTransport {
  const { address, stats } = options;
  let socket: Promise<Socket | undefined> | undefined;
  let closed = false;
  let warned = false;

  const onError = (error: NodeJS.ErrnoException): void => {
    stats.sendErrors += 1;
    if (warned) return;
    warned = true;
    diag.warn(
      `XRaySpanExporter: daemon at ${address.host}:${address.port} unreachable (${error.code ?? error.message}); ` +
        'datagrams are dropped and counted',
    );
  };

  const open = (): Promise<Socket | undefined> =>
    new Promise((resolve) => {
      const udp = createSocket('udp4');
      udp.unref();
      let settled = false;
      const connected = (error?: Error): void => {
        if (settled) return;
        settled = true;
        if (error === undefined) {
          udp.off('error', connected);
          udp.on('error', onError);
          resolve(udp);
          return;
        }
        // DNS or bind failure: count it, and try a fresh socket on the next send.
        onError(error);
        udp.close();
        socket = undefined;
        resolve(undefined);
      };
      udp.once('error', connected);
      udp.connect(address.port, address.host, connected);
    });

  /**
   * Hands every document to the socket in one synchronous loop; resolves once each datagram's
   * send callback has run (one small closure per datagram, one promise per batch).
   */
  const sendAll = (udp: Socket, documents: readonly string[]): Promise<boolean[]> =>
    new Promise((resolve) => {
      const delivered = new Array<boolean>(documents.length).fill(false);
      let pending = documents.length;
      const settle = (index: number, error: NodeJS.ErrnoException | null | undefined): void => {
        if (error) onError(error);
        // A refusal is the daemon's absence reported by ICMP (for this or an earlier datagram):
        // fire-and-forget like the X-Ray SDKs, counted in sendErrors, not a failed export.
        delivered[index] = !error || error.code === 'ECONNREFUSED';
        if (--pending === 0) resolve(delivered);
      };
      stats.requests += documents.length;
      if (pending === 0) resolve(delivered);
      for (let index = 0; index < documents.length; index++) {
        try {
          udp.send(encodeDatagram(documents[index]!), (error) => settle(index, error));
        } catch (error) {
          settle(index, error instanceof Error ? error : new Error(String(error)));
        }
      }
    });

  return {
    maxDocumentBytes: MAX_DATAGRAM_BYTES - PREFIX.length,
    maxBatchDocuments: 256,
    maxBatchCost: Number.POSITIVE_INFINITY,
    concurrency: 1,
    cost: () => 0,
    async send(documents) {
      if (closed) return documents.map(() => false);
      socket ??= open();
      const udp = await socket;
      if (udp === undefined || closed) return documents.map(() => false);
      return sendAll(udp, documents);
    },
    async shutdown() {
      if (closed) return;
      closed = true;
      const udp = await socket;
      udp?.close();
    },
  };
}
