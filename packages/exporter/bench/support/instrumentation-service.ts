// The service of instrumentation.bench.ts: a front node:http server that makes one downstream
// node:http call (to a back server in the same process) per request. argv[2]: `none`, `lean` or
// `otel` — startTracing with that instrumentation and an exporter that drops everything, so only
// instrumentation + SDK cost is measured. Prints `PORT <n>`; `GET /__cpu` gives CPU µs so far.
import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import type { startTracing as StartTracing } from '../../../node/src/index.ts';

const variant = process.argv[2] ?? 'none';
if (variant !== 'none') {
  const nodePackage = '../../../node/src/index.ts'; // as bench-service.ts: not a dependency of this package
  const { startTracing } = (await import(nodePackage)) as { startTracing: typeof StartTracing };
  startTracing({
    serviceName: 'bench',
    sampler: 'always_on',
    handleSignals: false,
    awsSdk: false,
    instrumentation: variant === 'otel' ? 'otel' : 'lean',
    spanExporter: {
      export: (_spans, done) => done({ code: 0 }),
      shutdown: () => Promise.resolve(),
    },
  });
}
// CommonJS require after startTracing, so the OTel variant can patch node:http.
const http = createRequire(import.meta.url)('node:http') as typeof Http;
const agent = new http.Agent({ keepAlive: true });

const back = http.createServer((_req, res) => res.end('ok'));
back.listen(0, '127.0.0.1');
await new Promise((resolve) => back.once('listening', resolve));
const backPort = (back.address() as { port: number }).port;

const front = http.createServer((req, res) => {
  if (req.url === '/__cpu') {
    const { user, system } = process.cpuUsage();
    res.end(String(user + system));
    return;
  }
  http
    .get({ host: '127.0.0.1', port: backPort, path: '/item', agent }, (down) => {
      down.resume();
      down.on('end', () => res.end('done'));
    })
    .on('error', () => {
      res.statusCode = 502;
      res.end();
    });
});
front.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${(front.address() as { port: number }).port}\n`);
});
