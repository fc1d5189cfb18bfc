// Sends segment documents to an X-Ray daemon address over UDP, one document per datagram with
// the daemon protocol's header line; send failures are swallowed (tracing never breaks a run).
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { DAEMON_HEADER } from '@otel-xray/core';
import type { SegmentDocument } from '@otel-xray/core';

/** A UDP sender to one daemon address. */
export interface DaemonClient {
  /** Sends the documents; resolves once each datagram left (or failed). */
  send(documents: readonly SegmentDocument[]): Promise<void>;
  /** Closes the socket; idempotent. */
  close(): void;
}

/** Parses `host:port` (IPv4 or name); undefined when malformed. */
export function parseDaemonAddress(address: string): { host: string; port: number } | undefined {
  const at = address.lastIndexOf(':');
  const port = Number(address.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port) || port <= 0 || port > 65_535) return undefined;
  return { host: address.slice(0, at), port };
}

/** A client for `address` (`host:port`); with a malformed address, `send` does nothing. */
export function daemonClient(address: string): DaemonClient {
  const target = parseDaemonAddress(address);
  let socket: Socket | undefined;
  let closed = false;
  return {
    async send(documents) {
      if (target === undefined || closed) return;
      socket ??= createSocket('udp4').unref();
      const open = socket;
      await Promise.all(
        documents.map(
          (doc) =>
            new Promise<void>((done) => {
              open.send(`${DAEMON_HEADER}\n${JSON.stringify(doc)}`, target.port, target.host, () =>
                done(),
              );
            }),
        ),
      );
    },
    close() {
      closed = true;
      socket?.close();
      socket = undefined;
    },
  };
}
