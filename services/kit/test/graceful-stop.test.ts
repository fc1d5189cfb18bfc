// Real processes, no emulator: `orders` answers GET /orders/<id> without calling SNS, and `audit`
// polls a fake SQS endpoint that never answers. Each service's segments go to a UDP listener here.
import http from 'node:http';
import { createServer, type AddressInfo, type Socket as NetSocket } from 'node:net';
import { createSocket } from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type ServiceExit, type ServiceProcess } from '../src/service-process.ts';
import { inheritedEnv } from '../src/service-env.ts';

const servicesDir = fileURLToPath(new URL('../../', import.meta.url));
const DEADLINE_MS = 5_000;

/** Segment documents by trace ID, as the X-Ray daemon would receive them. */
async function startDaemon(): Promise<{
  address: string;
  segments: Map<string, number>;
  total: () => number;
  close: () => void;
}> {
  const socket = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  const segments = new Map<string, number>();
  let total = 0;
  socket.on('message', (datagram) => {
    const text = datagram.toString('utf8');
    try {
      const doc = JSON.parse(text.slice(text.indexOf('\n') + 1)) as {
        trace_id?: string;
        type?: string;
      };
      if (doc.type === 'subsegment' || !doc.trace_id) return;
      total++;
      segments.set(doc.trace_id, (segments.get(doc.trace_id) ?? 0) + 1);
    } catch {
      // not a segment document
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    segments,
    total: () => total,
    close: () => socket.close(),
  };
}

/** A service's environment as startSystem builds it, plus `env`. */
function serviceEnv(name: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...inheritedEnv(process.env),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    OTEL_SERVICE_NAME: name,
    ...env,
  };
}

/** SIGTERM, then how long until the process is gone. */
async function terminate(service: ServiceProcess): Promise<ServiceExit & { ms: number }> {
  const sent = performance.now();
  const exit = await service.stop(30_000);
  return { ...exit, ms: Math.round(performance.now() - sent) };
}

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface Answer {
  /** `Root` of the response's `x-amzn-trace-id`: the trace of this request. */
  root: string | undefined;
  connection: string | undefined;
  /** Sent after the service logged that it is stopping. */
  sentWhileStopping: boolean;
}

describe('orders', () => {
  describe('SIGTERM under 30 looping keep-alive clients', () => {
    it('exits 0 within the deadline, the segment of every answered request exported', async () => {
      const daemon = await startDaemon();
      cleanup.push(() => daemon.close());
      let stopping = false;
      const orders = await startService({
        name: 'orders',
        cwd: `${servicesDir}orders`,
        env: serviceEnv('orders', {
          ORDERS_TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:unused',
          OTEL_TRACES_SAMPLER: 'always_on',
          AWS_XRAY_DAEMON_ADDRESS: daemon.address,
          SHUTDOWN_DEADLINE_MS: String(DEADLINE_MS),
          PORT: '0',
        }),
        ready: (line) => line.msg === 'listening',
        onLine: (_name, line) => {
          if (line.includes('"msg":"stopping')) stopping = true;
        },
      });
      cleanup.push(() => orders.stop(2_000));
      const url = String(orders.readyLine.url);

      const agent = new http.Agent({ keepAlive: true, maxSockets: 30 });
      cleanup.push(() => agent.destroy());
      const answers: Answer[] = [];
      const failures = new Map<string, number>();
      let running = true;
      const get = (sentWhileStopping: boolean): Promise<Answer> =>
        new Promise((resolve, reject) => {
          const id = Math.random().toString(36).slice(2);
          const req = http.get(`${url}/orders/${id}`, { agent }, (res) => {
            res.resume();
            res.on('end', () => {
              const header = res.headers['x-amzn-trace-id'];
              resolve({
                root: typeof header === 'string' ? /Root=([^;]+)/.exec(header)?.[1] : undefined,
                connection: res.headers.connection,
                sentWhileStopping,
              });
            });
            res.on('error', reject);
          });
          req.on('error', reject);
        });
      const loop = async (): Promise<void> => {
        while (running) {
          try {
            answers.push(await get(stopping));
          } catch (error) {
            // refused once it stopped listening (a reset would be a request lost in transit)
            const code = (error as NodeJS.ErrnoException).code ?? String(error);
            failures.set(code, (failures.get(code) ?? 0) + 1);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        }
      };
      const loops = Array.from({ length: 30 }, loop);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const beforeSigterm = answers.length;
      const exit = await terminate(orders);
      running = false;
      await Promise.all(loops);

      // every datagram was handed to the kernel before exit; read what is still queued here
      const roots = answers.map((a) => a.root);
      const exported = (): number => roots.filter((r) => r && daemon.segments.has(r)).length;
      for (let waited = 0; exported() < roots.length && waited < 2_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));

      console.log(
        `orders SIGTERM → exit ${exit.ms} ms (deadline ${DEADLINE_MS} ms); requests completed ` +
          `${answers.length} (${answers.length - beforeSigterm} after SIGTERM, ` +
          `${answers.filter((a) => a.connection === 'close').length} with Connection: close, ` +
          `failed: ${JSON.stringify(Object.fromEntries(failures))}); segments received ${daemon.total()}, ` +
          `completed requests with their segment ${exported()}/${roots.length}`,
      );
      expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
      expect(exit.ms).toBeLessThanOrEqual(DEADLINE_MS + 1_000);
      expect(beforeSigterm).toBeGreaterThan(0);
      expect(roots.filter((r) => r === undefined)).toEqual([]);
      expect(roots.filter((r) => !daemon.segments.has(r!))).toEqual([]);
      expect(answers.filter((a) => a.sentWhileStopping && a.connection !== 'close')).toEqual([]);
    }, 60_000);
  });
});

describe('a consumer service (audit)', () => {
  describe('SIGTERM while its receive hangs', () => {
    it('gives up at the deadline, flushes and exits 0', async () => {
      // an SQS endpoint that accepts connections and never answers
      const held = new Set<NetSocket>();
      const sqs = createServer((socket) => {
        held.add(socket);
        socket.on('error', () => {});
      });
      await new Promise<void>((resolve) => sqs.listen(0, '127.0.0.1', resolve));
      cleanup.push(() => {
        for (const socket of held) socket.destroy();
        sqs.close();
      });
      const endpoint = `http://127.0.0.1:${(sqs.address() as AddressInfo).port}`;
      const deadlineMs = 1_000;
      const audit = await startService({
        name: 'audit',
        cwd: `${servicesDir}audit`,
        env: serviceEnv('audit', {
          AWS_ENDPOINT_URL: endpoint,
          AUDIT_QUEUE_URL: `${endpoint}/000000000000/audit`,
          AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:9',
          SHUTDOWN_DEADLINE_MS: String(deadlineMs),
        }),
        ready: (line) => line.msg === 'consuming',
      });
      cleanup.push(() => audit.stop(2_000));
      while (held.size === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const exit = await terminate(audit);
      console.log(`audit SIGTERM → exit ${exit.ms} ms (deadline ${deadlineMs} ms)`);
      expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
      expect(audit.logs.map((l) => l.msg)).toContain(
        'shutdown deadline passed; unfinished messages stay in the queue',
      );
      expect(exit.ms).toBeLessThanOrEqual(deadlineMs + 1_000);
    }, 60_000);
  });
});
