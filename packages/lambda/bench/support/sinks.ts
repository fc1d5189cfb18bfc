// Where the variants' telemetry goes during the benchmark, all on 127.0.0.1: a UDP socket for the
// daemon protocol (ours and the runner's Lambda segments) and an HTTP server that accepts OTLP
// (the auto-instrumentations variant). Both count what they receive, to show every variant traced.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:http';

export interface Sinks {
  daemonAddress: string;
  otlpEndpoint: string;
  counts: { datagrams: number; otlpRequests: number };
  close(): Promise<void>;
}

export async function startSinks(): Promise<Sinks> {
  const counts = { datagrams: 0, otlpRequests: 0 };
  const udp = createSocket('udp4');
  udp.on('message', () => void (counts.datagrams += 1));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const http = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      counts.otlpRequests += 1;
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;
  return {
    daemonAddress: `127.0.0.1:${udp.address().port}`,
    otlpEndpoint: `http://127.0.0.1:${port}`,
    counts,
    close: async () => {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
