/**
 * On SIGTERM or SIGINT (Ctrl-C reaches every process of the terminal's group): runs `stop` once
 * (stop accepting work, finish what is in flight, flush traces), then exits 0 — or 1 when `stop`
 * fails. A second signal while stopping changes nothing.
 */
export function exitGracefully(stop: () => Promise<void>, log: (msg: string) => void): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${signal})`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stop failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
