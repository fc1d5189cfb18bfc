import { createSocket } from 'node:dgram';

/** A UDP socket on 127.0.0.1 that records every datagram it receives. */
export interface UdpListener {
  /** Port bound. */
  port: number;
  /** Datagrams received so far, as UTF-8 text. */
  datagrams: string[];
  /** Resolves once `count` datagrams have arrived. */
  waitFor(count: number): Promise<string[]>;
  /** Closes the socket. */
  close(): Promise<void>;
}

/** Binds a listener on an ephemeral loopback port. */
export async function listenUdp(): Promise<UdpListener> {
  const socket = createSocket('udp4');
  const datagrams: string[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (message) => {
    datagrams.push(message.toString('utf8'));
    for (const waiter of waiters.splice(0)) waiter();
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const waitFor = async (count: number): Promise<string[]> => {
    while (datagrams.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return datagrams;
  };
  return {
    port: socket.address().port,
    datagrams,
    waitFor,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** A loopback port with nothing listening: bound once, then closed. */
export async function closedUdpPort(): Promise<number> {
  const listener = await listenUdp();
  await listener.close();
  return listener.port;
}
