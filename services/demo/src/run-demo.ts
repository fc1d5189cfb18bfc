// `npm run demo`: emulator + local X-Ray + the sample services, a burst of orders, their trace
// trees, the service map, then the UI address; up until Ctrl-C (or `--once`: exit after printing).
import { XRayClient } from '@aws-sdk/client-xray';
import { waitForTrace } from '@otel-xray/testing';
import { DEMO_USAGE, parseDemoArgs } from './demo-options.ts';
import { formatMs, progressLine } from './progress.ts';
import { startStack, type DemoStack } from './start-stack.ts';
import { summaryText } from './summary.ts';
import { DEMO_ORDERS, type DemoOrder } from './traffic.ts';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

interface Sent {
  order: DemoOrder;
  status: number;
  traceId: string;
}

async function send(ordersUrl: string, order: DemoOrder): Promise<Sent> {
  const res = await fetch(`${ordersUrl}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...order.headers },
    body: JSON.stringify(order.body),
  });
  await res.arrayBuffer();
  const traceId = /Root=([^;]+)/.exec(res.headers.get('x-amzn-trace-id') ?? '')?.[1] ?? '';
  return { order, status: res.status, traceId };
}

/** Sends the burst and prints each trace once complete, in the order sent; resolves when all are printed. */
async function trafficAndTrees(stack: DemoStack, client: XRayClient): Promise<void> {
  const sent = await Promise.all(DEMO_ORDERS.map((o) => send(stack.system.ordersUrl, o)));
  print(
    progressLine(
      `sent ${sent.length} orders → ${sent.map((s) => s.status).join(' ')}; waiting for their traces`,
    ),
  );
  // wait for all at once, print in the order sent (the full standard flow first)
  const traces = sent.map((s) =>
    waitForTrace(s.traceId, { xray: client, timeoutMs: 30_000, ...s.order.expect }),
  );
  for (const t of traces) void t.catch(() => undefined); // the loop reports the first failure
  for (const [i, s] of sent.entries()) {
    const trace = await traces[i]!;
    const note = i === 0 ? `  ← first tree ${formatMs(performance.now())} after start` : '';
    print(`\n── ${i + 1}. ${s.order.label} (HTTP ${s.status})${note}\n${trace.print()}`);
  }
}

async function main(): Promise<number> {
  const options = parseDemoArgs(process.argv.slice(2));
  if ('error' in options) {
    process.stderr.write(`${options.error}\n${DEMO_USAGE}\n`);
    return 2;
  }
  print(
    'otel-xray demo: orders → SNS → inventory/audit → SQS → shipping → orders, traced into a local X-Ray',
  );
  const state: { stack?: DemoStack } = {};
  let stopped: Promise<number> | undefined;
  const stop = (why: string): Promise<number> =>
    (stopped ??= (async () => {
      if (!state.stack) return 1;
      print(progressLine(`${why}: stopping services, local X-Ray and emulator`));
      const t = performance.now();
      const exits = await state.stack.stop(why === 'SIGINT');
      const codes = Object.entries(exits).map(([n, e]) => `${n} ${e.signal ?? e.code}`);
      print(progressLine(`stopped (${codes.join(', ')})`, performance.now() - t));
      return Object.values(exits).every((e) => e.code === 0) ? 0 : 1;
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    void stop(signal).then((code) => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stack = await startStack({ port: options.port, verbose: options.verbose, print });
  state.stack = stack;
  const client = new XRayClient({
    endpoint: stack.xray.endpoint,
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    await trafficAndTrees(stack, client);
    print(`\n${await summaryText(client)}`);
  } catch (error) {
    print(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
    for (const s of Object.values(stack.system.services)) {
      print(`\n── ${s.name} output (last lines)\n${s.output().split('\n').slice(-20).join('\n')}`);
    }
    client.destroy();
    await stop('failure');
    return 1;
  }
  client.destroy();
  print(
    `\nUI: ${stack.xray.endpoint}  (service map, traces, timelines; X-Ray API on the same port)`,
  );
  if (options.once) return stop('--once');
  print('Up until Ctrl-C. Send more orders, e.g.:');
  print(
    `  curl -s -XPOST ${stack.system.ordersUrl}/orders -H 'content-type: application/json' -d '{"customerId":"c-1","lines":[{"sku":"sku-apple","qty":1}]}'`,
  );
  return new Promise<number>(() => undefined); // onSignal exits
}

/** Runs the demo; resolves with the process exit code. */
export function runDemo(): Promise<number> {
  return main().catch((error: unknown) => {
    process.stderr.write(
      `demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  });
}
