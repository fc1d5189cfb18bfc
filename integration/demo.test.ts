import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { MAX_COLUMNS, TREE_LINK_LABEL, wideLines } from '../services/demo/src/line-width.ts';
import { report, ms } from './support/order-system.ts';

const root = join(import.meta.dirname, '..');

interface Run {
  child: ChildProcess;
  /** stdout and stderr as they arrive. */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function runDemo(args: string[]): Run {
  const child = spawn(
    process.execPath,
    ['--conditions=otel-xray-source', 'scripts/demo.ts', ...args],
    {
      cwd: root,
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => ((out += d.toString()), (stdout += d.toString())));
  child.stderr.on('data', (d: Buffer) => ((out += d.toString()), (stderr += d.toString())));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => out, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Resolves once the output matches `pattern`; rejects if the demo exits first. */
async function waitForOutput(run: Run, pattern: RegExp): Promise<void> {
  const exited = run.exit.then((code) => {
    throw new Error(`demo exited (${code}) before ${pattern}:\n${run.output()}`);
  });
  const seen = new Promise<void>((resolve) => {
    const check = (): void => {
      if (pattern.test(run.output())) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
  await Promise.race([seen, exited]);
}

/** Processes (of this user) whose environment has `entry`: the demo's services carry its daemon address. */
function processesWithEnv(entry: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(entry))
        pids.push(Number(name));
    } catch {
      // gone, or another user's
    }
  }
  return pids;
}

describe('npm run demo', () => {
  describe("--once against the run's emulator", () => {
    it('prints the trees with their UI links and the service map, then stops everything and exits 0', async () => {
      const started = performance.now();
      const run = runDemo(['--once', '--port', '0']);
      const code = await run.exit;
      const out = run.output();
      report(`[demo] --once took ${ms(performance.now() - started)}\n${out}`);
      expect(code).toBe(0);
      expect(out).toContain(
        `emulator: mode external (AWS_ENDPOINT_URL=${process.env.AWS_ENDPOINT_URL})`,
      );
      // a full tree: orders → inventory → shipping → orders
      expect(out).toMatch(
        /● orders {2}POST \/orders → 201[\s\S]*● inventory[\s\S]*● shipping[\s\S]*● orders {2}POST \/orders\/[^ ]+\/shipped → 200/,
      );
      expect(out).toMatch(/first tree [\d.]+ m?s after start/);
      expect(out).toMatch(/Service map \(GetServiceGraph\):\n\s+node\s+type\s+requests/);
      expect(out).toContain('stopped (orders 0, inventory 0, shipping 0, audit 0)');

      // each tree is followed by its deep link into the UI
      const ui = /API \+ UI (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(ui).toBeDefined();
      const headers = [...out.matchAll(/^trace (1-[0-9a-f]{8}-[0-9a-f]{24}) \(/gm)].map(
        (m) => m[1],
      );
      // six orders, then the notifications function's batch: Lambda's segments and the handler's
      expect(headers).toHaveLength(7);
      expect(out).toMatch(
        /● notifications {2}AWS::Lambda {2}→ 200[^\n]*\n└─ ● notifications {2}AWS::Lambda::Function[\s\S]*## index\.handler[\s\S]*compose_notification/,
      );
      expect(out).toContain('notifications (Lambda)');
      expect(out).toContain('notifications (function)');
      for (const id of headers) {
        expect(out).toMatch(
          new RegExp(
            `^trace ${id} \\([^\\n]*\\n(?:[^\\n]+\\n)*?${TREE_LINK_LABEL}${ui}/#/traces/${id}$`,
            'm',
          ),
        );
      }
      // --once speaks of the UI only as something that was up
      expect(out).not.toMatch(/^UI: /m);
      expect(out).toMatch(
        new RegExp(`The UI at ${ui} and the links above were up while the demo ran`),
      );

      // the poison order's tree is followed by its log lines, each with the poison trace's ID
      const section =
        /── its log lines, as the services wrote them \((\d+)\):\n((?: {2}.*\n)+)/.exec(out);
      expect(section, "the poison order's log lines").not.toBeNull();
      const poisonId = /poison order[^\n]*\ntrace (1-[0-9a-f]{8}-[0-9a-f]{24})/.exec(out)?.[1];
      const ids = [...section![2]!.matchAll(/AWS-XRAY-TRACE-ID: (1-[0-9a-f-]+)@[0-9a-f]{16}/g)];
      expect(ids).toHaveLength(Number(section![1]));
      for (const [, id] of ids) expect(id).toBe(poisonId);
      expect(section![2]!.match(/inventory error stock check failed/g)).toHaveLength(3);
      expect(section![2]).toMatch(
        /inventory warn {2}last receive failed; SQS redrives the message to the DLQ/,
      );

      // one screen per step: no line over 100 columns outside the trees
      expect(wideLines(out), 'lines over the width outside trace trees').toEqual([]);
      // the inferred queue does not repeat the queue path its SQS call shows
      for (const line of out.split('\n').filter((l) => l.includes('AWS::SQS::Queue (inferred)')))
        expect(line).not.toContain('/queue/');
      expect(out).not.toMatch(/docker\.sock, /);

      // the edge list and the table name the same nodes: the client is a row (columns are two or
      // more spaces apart: an inferred node's label, `SQS (queue)`, has one)
      const table = /Service map \(GetServiceGraph\):\n((?: {2}.*\n)+)/.exec(out)![1]!;
      const rows = new Set(
        table
          .split('\n')
          .slice(1)
          .map((l) => l.trim().split(/\s{2,}/)[0]),
      );
      expect(rows).toContain('client');
      const calls = /Calls \(caller → callee[^\n]*\n((?: {2}.*\n)+)/.exec(out)![1]!;
      const ends = calls
        .split('\n')
        .filter((l) => l.includes('→'))
        .flatMap((l) => l.replace('→', ',').split(','))
        .map((name) => name.trim());
      expect(ends).toContain('client');
      for (const end of ends) expect(rows, `${end} in the edge list`).toContain(end);
    });
  });

  describe('--help', () => {
    it('prints the usage on stdout and exits 0', async () => {
      const run = runDemo(['--help']);
      expect(await run.exit).toBe(0);
      expect(run.stdout()).toMatch(/^Usage: npm run demo -- \[--once\] \[--port N\]/);
      expect(run.stderr()).toBe('');
      expect(wideLines(run.stdout())).toEqual([]);
    });
  });

  describe('an explicit --port that is taken', () => {
    let holder: Socket | undefined;
    afterEach(() => holder?.close());

    it('is an error naming the port, its holder and the flag, with exit 2', async () => {
      holder = createSocket('udp4');
      await new Promise<void>((r) => holder!.bind(0, '127.0.0.1', r));
      const port = holder.address().port;
      const run = runDemo(['--port', String(port), '--once']);
      expect(await run.exit).toBe(2);
      const err = run.stderr();
      report(`[demo] --port ${port} taken:\n${err}`);
      expect(err).toContain(`--port ${port} is taken: UDP port ${port} is in use`);
      if (platform() === 'linux') expect(err).toContain(`by pid ${process.pid} (`);
      expect(err).toMatch(/choose another --port, or leave --port out/);
      expect(run.stdout()).not.toMatch(/local X-Ray: daemon|emulator:/); // nothing was started
      for (const line of err.split('\n')) expect(line.length).toBeLessThanOrEqual(MAX_COLUMNS);
    });
  });

  describe('Ctrl-C during start-up', () => {
    it('says what it stops, stops it and leaves no service behind', async () => {
      const run = runDemo(['--port', '0']);
      await waitForOutput(run, /provisioned topic, queues/); // the services are starting now
      run.child.kill('SIGINT'); // the demo only: it must stop the services itself
      const code = await run.exit;
      report(`[demo] SIGINT during start-up:\n${run.output()}`);
      const out = run.output().replace(/\n {10}/g, ' '); // progress lines unwrapped
      expect(code).toBe(130);
      expect(out).toContain(
        'SIGINT during start-up (services starting): stopping services (once started) and local X-Ray',
      );
      expect(out).toMatch(/services stopped \(/);
      expect(out).toMatch(/local X-Ray stopped \(/);
      expect(out).toContain(`emulator: external (${process.env.AWS_ENDPOINT_URL}), left running`);
      expect(out).not.toMatch(/demo failed|Error/);
      if (platform() === 'linux') {
        const daemon = /daemon udp:\/\/(127\.0\.0\.1:\d+)/.exec(out)![1]!;
        expect(processesWithEnv(`AWS_XRAY_DAEMON_ADDRESS=${daemon}`)).toEqual([]);
      }
    });
  });
});
