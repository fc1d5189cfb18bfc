/**
 * On SIGTERM/SIGINT: flush and shut down tracing, then exit — unless the application has its
 * own listener for that signal, in which case it owns the exit and should call `shutdownTracing()`
 * itself (we only flush, so nothing buffered is lost if it exits without doing so).
 */
export function installSignalHandlers(
  flush: () => Promise<void>,
  shutdown: () => Promise<void>,
): () => void {
  const handlers: Array<[NodeJS.Signals, () => void]> = (['SIGTERM', 'SIGINT'] as const).map(
    (signal) => {
      const handler = (): void => {
        const appOwnsExit = process.listenerCount(signal) > 0;
        if (appOwnsExit) {
          void flush();
          return;
        }
        void shutdown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 0));
      };
      return [signal, handler];
    },
  );
  for (const [signal, handler] of handlers) process.once(signal, handler);
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
