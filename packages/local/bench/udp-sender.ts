// Child process of ingest.bench.ts: sends `count` daemon datagrams to `port` at `rate` per second
// (paced by a 1 ms timer, so the sender sleeps between bursts instead of spinning a core), then
// prints how many it sent and how long it took.
import { createSocket } from 'node:dgram';
import { benchTrace } from './bench-data.ts';

const [port, rate, count] = process.argv.slice(2).map(Number) as [number, number, number];
const header = '{"format":"json","version":1}\n';
const t0 = Math.floor(Date.now() / 1000) - 60;
const datagrams: Buffer[] = [];
for (let i = 0; datagrams.length < count; i++) {
  for (const doc of benchTrace(i, t0 + (i % 60)))
    if (datagrams.length < count) datagrams.push(Buffer.from(header + doc));
}
const socket = createSocket({ type: 'udp4', sendBufferSize: 8 * 1024 * 1024 });
socket.connect(port, '127.0.0.1', () => {
  let sent = 0;
  let errors = 0;
  const start = process.hrtime.bigint();
  const tick = (): void => {
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    const due = Math.min(count, Math.floor((elapsedMs * rate) / 1000) + 1);
    while (sent < due) {
      socket.send(datagrams[sent] as Buffer, (error) => {
        if (error) errors++;
      });
      sent++;
    }
    if (sent < count) setTimeout(tick, 1);
    else {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      setTimeout(() => {
        process.stdout.write(JSON.stringify({ sent, errors, seconds }));
        socket.close();
      }, 50);
    }
  };
  tick();
});
