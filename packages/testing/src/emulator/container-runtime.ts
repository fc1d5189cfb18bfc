// Container mode's runtime: LocalStack through testcontainers (@testcontainers/localstack 12).
// Loaded by container-mode.ts only when that mode is used, so neither testcontainers' modules nor
// its types are needed by anyone who does not use it (they are optional peer dependencies).
import type { LocalstackContainer } from '@testcontainers/localstack';
import type { WaitStrategy } from 'testcontainers';
import {
  containerExitError,
  localStackContainerPlan,
  type ContainerModeOptions,
  type LocalStackContainerPlan,
} from './container-plan.ts';
import type { StartedEmulator } from './types.ts';

type WaitArgs = Parameters<WaitStrategy['waitUntilReady']>;

/** Raised by {@link ReadyOrExitWait} when the container stopped instead of becoming ready. */
class ContainerExited extends Error {
  readonly exitCode: number;
  constructor(exitCode: number) {
    super(`container exited with code ${exitCode}`);
    this.exitCode = exitCode;
  }
}

/**
 * Waits for the ready log line like LocalstackContainer's own strategy, and when the log ends
 * first, reads the container's exit code (before testcontainers removes it) so a code 55 can be
 * explained.
 */
export class ReadyOrExitWait implements WaitStrategy {
  /** The log strategy doing the waiting. */
  readonly inner: WaitStrategy;
  constructor(inner: WaitStrategy) {
    this.inner = inner;
  }
  async waitUntilReady(...[container, ports, startTime]: WaitArgs): Promise<void> {
    try {
      await this.inner.waitUntilReady(container, ports, startTime);
    } catch (error) {
      for (let i = 0; i < 10; i++) {
        const info = await container.inspect().catch(() => undefined);
        if (info && !info.State.Running) throw new ContainerExited(info.State.ExitCode);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw error;
    }
  }
  withStartupTimeout(ms: number): this {
    this.inner.withStartupTimeout(ms);
    return this;
  }
  isStartupTimeoutSet(): boolean {
    return this.inner.isStartupTimeoutSet();
  }
  getStartupTimeout(): number {
    return this.inner.getStartupTimeout();
  }
}

/** A LocalstackContainer configured from `plan` (not started). */
export async function createLocalStackContainer(
  plan: LocalStackContainerPlan,
): Promise<LocalstackContainer> {
  const [{ LocalstackContainer }, { Wait }] = await Promise.all([
    import('@testcontainers/localstack'),
    import('testcontainers'),
  ]);
  // LocalstackContainer exposes 4566 (plan.port) itself; exposing it again would list it twice.
  const container = new LocalstackContainer(plan.image)
    .withEnvironment(plan.environment)
    .withWaitStrategy(new ReadyOrExitWait(Wait.forLogMessage(plan.readyLogLine, 1)))
    .withStartupTimeout(plan.startupTimeoutMs);
  return plan.bindMounts === undefined
    ? container
    : container.withBindMounts(plan.bindMounts.map((m) => ({ ...m, mode: 'rw' as const })));
}

/** Starts LocalStack in a container and returns its mapped endpoint. */
export async function runContainerLocalStack(
  options: ContainerModeOptions & { region?: string } = {},
): Promise<StartedEmulator> {
  const plan = localStackContainerPlan(options);
  const started = performance.now();
  const container = await createLocalStackContainer(plan);
  let running: Awaited<ReturnType<LocalstackContainer['start']>>;
  try {
    running = await container.start();
  } catch (error) {
    if (error instanceof ContainerExited) throw containerExitError(plan, error.exitCode);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    mode: 'container',
    endpoint: running.getConnectionUri(),
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    startupMs: performance.now() - started,
    stop: () => (stopping ??= running.stop().then(() => undefined)),
  };
}
