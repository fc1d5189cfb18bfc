// Local stand-ins for the bench service's neighbours: an SQS endpoint answering SendMessage
// (AWS JSON 1.0), an OTLP/HTTP sink, and a UDP "daemon" that counts datagrams.
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running sink: where to reach it, what it counted, how to stop it. */
export interface Sink {
  port: number;
  count: () => number;
  reset: () => void;
  close: () => Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** Answers every SQS SendMessage with a message ID and the body's MD5 (the SDK checks it). */
export async function startSqsSink(): Promise<Sink> {
  let messages = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      messages += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        MessageBody?: string;
      };
      const md5 = createHash('md5')
        .update(body.MessageBody ?? '')
        .digest('hex');
      res.writeHead(200, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': 'bench',
      });
      res.end(JSON.stringify({ MessageId: `m-${messages}`, MD5OfMessageBody: md5 }));
    });
  });
  return {
    port: await listen(server),
    count: () => messages,
    reset: () => (messages = 0),
    close: closer(server),
  };
}

/** Accepts OTLP/HTTP exports and counts requests. */
export async function startOtlpSink(): Promise<Sink> {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
    });
  });
  return {
    port: await listen(server),
    count: () => requests,
    reset: () => (requests = 0),
    close: closer(server),
  };
}

/** Counts daemon-protocol datagrams. */
export async function startUdpSink(): Promise<Sink> {
  let datagrams = 0;
  const socket = createSocket('udp4');
  socket.on('message', () => (datagrams += 1));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    count: () => datagrams,
    reset: () => (datagrams = 0),
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
