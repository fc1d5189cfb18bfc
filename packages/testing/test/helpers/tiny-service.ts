// A minimal HTTP service for the instrumentation tests, run as a child process: prints its port
// on stdout, answers every request with 200, exits on SIGTERM (the register hook flushes first).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
