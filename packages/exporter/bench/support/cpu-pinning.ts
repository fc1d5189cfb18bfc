// CPU pinning for the http-service bench: the service under test gets one CPU of its own, the load
// generator (this process) and the sinks share the others. Without it the three processes take turns
// on the same CPUs, and the service's CPU time per request moved ±15 % between back-to-back runs of
// the same variant on a 2-CPU VM (523–774 µs); pinned, the same runs stay within ±3 %. Linux with
// `taskset` (util-linux) and ≥ 2 CPUs only; elsewhere, or with BENCH_PIN=0, nothing is pinned.
import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** How processes are placed: a command prefix for the service and one for the helpers. */
export interface Pinning {
  /** Why the processes are (not) pinned, for the bench's header. */
  description: string;
  /** Command and arguments that start `argv` on the service's CPU. */
  service(argv: string[]): [string, string[]];
  /** Command and arguments that start `argv` on the helpers' CPUs. */
  helper(argv: string[]): [string, string[]];
}

function unpinned(description: string): Pinning {
  const direct = (argv: string[]): [string, string[]] => [argv[0] as string, argv.slice(1)];
  return { description, service: direct, helper: direct };
}

/** Pins this process to the helpers' CPUs and returns how to start the others. */
export function pinCpus(env: NodeJS.ProcessEnv = process.env): Pinning {
  if (env['BENCH_PIN'] === '0') return unpinned('not pinned (BENCH_PIN=0)');
  const cpus = availableParallelism();
  if (process.platform !== 'linux' || cpus < 2) return unpinned(`not pinned (${cpus} CPU)`);
  if (spawnSync('taskset', ['-V']).status !== 0) return unpinned('not pinned (no taskset)');
  const serviceCpu = String(cpus - 1);
  const helperCpus = cpus === 2 ? '0' : `0-${cpus - 2}`;
  // -a: every thread of this process (libuv's pool, V8's workers), not only the main one.
  execFileSync('taskset', ['-a', '-pc', helperCpus, String(process.pid)], { stdio: 'ignore' });
  return {
    description: `service on CPU ${serviceCpu}; load generator and sinks on CPU ${helperCpus}`,
    service: (argv) => ['taskset', ['-c', serviceCpu, ...argv]],
    helper: (argv) => ['taskset', ['-c', helperCpus, ...argv]],
  };
}
