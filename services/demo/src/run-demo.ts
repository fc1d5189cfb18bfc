// `npm run demo`: local X-Ray + emulator + the sample services, a burst of orders, their trace
// trees with their links in the UI, the service map; up until Ctrl-C (or `--once`: exit after
// printing). Ctrl-C at any moment stops whatever has started.
import { XRayClient } from '@aws-sdk/client-xray';
import { waitForTrace } from '@otel-xray/testing';
import type { ServiceExit } from '@otel-xray-services/kit/system';
import { DEMO_USAGE, parseDemoArgs } from './demo-options.ts';
import { batchWithOrder } from './lambda-batch.ts';
import { MAX_COLUMNS, TREE_LINK_LABEL, wrapLine } from './line-width.ts';
import { formatMs, progressLine } from './progress.ts';
import { createStack, PortTakenError, StackStopped, type StartedStack } from './start-stack.ts';
import { summaryText } from './summary.ts';
import { DEMO_ORDERS, type DemoOrder } from './traffic.ts';
import { formatTraceLogLines, linesOfTrace } from './trace-log-lines.ts';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Exit code after Ctrl-C during start-up (128 + SIGINT, as a shell reports it). */
const INTERRUPTED = 130;

interface Sent {
  order: DemoOrder;
  status: number;
  traceId: string;
  /** The order's ID when it was accepted. */
  orderId?: string;
}

async function send(ordersUrl: string, order: DemoOrder): Promise<Sent> {
  const res = await fetch(`${ordersUrl}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...order.headers },
    body: JSON.stringify(order.body),
  });
  const body = (await res.json().catch(() => ({}))) as { id?: unknown };
  const traceId = /Root=([^;]+)/.exec(res.headers.get('x-amzn-trace-id') ?? '')?.[1] ?? '';
  return {
    order,
    status: res.status,
    traceId,
    ...(typeof body.id === 'string' ? { orderId: body.id } : {}),
  };
}

/** Sends the burst and prints each trace once complete, in the order sent, each with its UI link. */
async function trafficAndTrees(stack: StartedStack, client: XRayClient): Promise<void> {
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
    const link = `${TREE_LINK_LABEL}${stack.xray.endpoint}/#/traces/${s.traceId}`;
    print(`\n── ${i + 1}. [HTTP ${s.status}] ${s.order.label}${note}\n${trace.print()}\n${link}`);
    if (s.order.logs) print(await logSection(stack, s.traceId));
  }
  await lambdaTree(stack, client, sent);
}

/** The notifications function's trace for the batch holding the first order, with its UI link. */
async function lambdaTree(stack: StartedStack, client: XRayClient, sent: Sent[]): Promise<void> {
  const first = sent.find((s) => s.orderId !== undefined);
  if (first?.orderId === undefined || stack.system.notifications === undefined) return;
  const batch = await batchWithOrder(stack.system, first.orderId);
  await stack.system.notifications.flush();
  const traceId = batch.result.traceId;
  const trace = await waitForTrace(traceId, { xray: client, timeoutMs: 30_000, segments: 2 });
  const n = batch.records.length;
  const link = `${TREE_LINK_LABEL}${stack.xray.endpoint}/#/traces/${traceId}`;
  print(
    `\n── ${sent.length + 1}. notifications, a Lambda function: a batch of ${n} order${n === 1 ? '' : 's'} ` +
      `from its queue\n   (local Runtime API + SQS event-source mapping; links to each order's trace)` +
      `\n${trace.print()}\n${link}`,
  );
}

/** The lines every service wrote for `traceId`, once inventory has logged the redrive. */
async function logSection(stack: StartedStack, traceId: string): Promise<string> {
  const { services } = stack.system;
  // the trace is complete when the last segment ended; its final line may still be in the pipe
  await services.inventory
    .waitForLog((l) => linesOfTrace([l], traceId).length > 0 && /DLQ/.test(l.msg), 5_000)
    .catch(() => undefined);
  const lines = Object.values(services).flatMap((s) => linesOfTrace(s.logs, traceId));
  return `── its log lines, as the services wrote them (${lines.length}):\n${formatTraceLogLines(lines)}`;
}

/** `stopped (orders 0, …)`: how each service ended, or that none had come up. */
function stoppedLine(exits: Record<string, ServiceExit>, tookMs: number): string {
  const codes = Object.entries(exits).map(([n, e]) => `${n} ${e.signal ?? e.code}`);
  return progressLine(codes.length ? `stopped (${codes.join(', ')})` : 'stopped', tookMs);
}

const cleanly = (exits: Record<string, ServiceExit>): boolean =>
  Object.values(exits).every((e) => e.code === 0);

async function main(): Promise<number> {
  const options = parseDemoArgs(process.argv.slice(2));
  if ('error' in options) {
    process.stderr.write(`${options.error}\n\n${DEMO_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    print(DEMO_USAGE);
    return 0;
  }
  const stack = createStack({ port: options.port, verbose: options.verbose, print });
  const stopAll = async (why: string): Promise<Record<string, ServiceExit>> => {
    const t = performance.now();
    const exits = await stack.stop(why);
    print(stoppedLine(exits, performance.now() - t));
    return exits;
  };
  // Ctrl-C reaches the services too (same process group); LocalStack runs in its own group and
  // is stopped here. Start-up may be anywhere: stop() waits for the step in flight.
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) {
      print(progressLine(`${signal} again: not waiting, killing what is left`));
      process.exit(INTERRUPTED); // the exit hooks SIGKILL the services and LocalStack
    }
    interrupted = true;
    const during = stack.starting();
    const why = during ? `${signal} during start-up (${during})` : signal;
    void stopAll(why).then((exits) => process.exit(during ? INTERRUPTED : cleanly(exits) ? 0 : 1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const never = new Promise<number>(() => undefined); // onSignal exits

  print(
    'otel-xray demo: orders → SNS → inventory/audit → SQS → shipping → orders, traced into a local X-Ray',
  );
  print('               orders → SNS → SQS → notifications (a Lambda function, run locally)');
  let started: StartedStack;
  try {
    started = await stack.start();
  } catch (error) {
    if (error instanceof StackStopped || interrupted) return never;
    if (error instanceof PortTakenError) {
      const lines = `demo: ${error.message}`.split('\n').map((l) => wrapLine(l, MAX_COLUMNS, 2));
      process.stderr.write(`${lines.join('\n')}\n`);
      return 2;
    }
    throw error;
  }
  const client = new XRayClient({
    endpoint: started.xray.endpoint,
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    await trafficAndTrees(started, client);
    print(`\n${await summaryText(client)}`);
  } catch (error) {
    client.destroy();
    if (interrupted) return never;
    print(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
    for (const s of Object.values(started.system.services)) {
      print(`\n── ${s.name} output (last lines)\n${s.output().split('\n').slice(-20).join('\n')}`);
    }
    await stopAll('failure');
    return 1;
  }
  client.destroy();
  if (interrupted) return never;
  const ui = started.xray.endpoint;
  if (options.once) {
    print('');
    const exits = await stopAll('--once');
    print(`The UI at ${ui} and the links above were up while the demo ran;`);
    print('run without --once to keep them up until Ctrl-C.');
    return cleanly(exits) ? 0 : 1;
  }
  const fellBack = started.fellBackFrom === undefined ? '' : ` (${started.fellBackFrom} was taken)`;
  print(`\nUI: ${ui}  (service map, traces, timelines; X-Ray API on the same port)`);
  print(
    `Trace your own app into it: AWS_XRAY_DAEMON_ADDRESS=${started.xray.udpAddress}${fellBack}`,
  );
  print('Up until Ctrl-C. Send more orders, e.g.:');
  print(
    `  curl -s -XPOST ${started.system.ordersUrl}/orders -H 'content-type: application/json' \\\n` +
      `    -d '{"customerId":"c-1","lines":[{"sku":"sku-apple","qty":1}]}'`,
  );
  return never;
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
