/** The local X-Ray port the README tells services to use; the demo's default. */
export const DEFAULT_PORT = 2000;

/** Command-line options of the demo. */
export interface DemoOptions {
  /** Print the usage and exit 0. */
  help: boolean;
  /** Print everything, stop and exit instead of staying up until Ctrl-C. */
  once: boolean;
  /**
   * Local X-Ray port (UDP daemon + API/UI) given with `--port`; a taken one is an error. Undefined:
   * {@link DEFAULT_PORT}, or a free port (said so) when that is taken.
   */
  port: number | undefined;
  /** Stream the services' log lines. */
  verbose: boolean;
}

/** Usage text (`--help`, and after an argument error). */
export const DEMO_USAGE = `Usage: npm run demo -- [--once] [--port N] [--verbose] [--help]

Starts an AWS emulator, a local X-Ray and the four sample services, sends six orders, prints
each trace tree with its link in the UI, then the service map; stays up until Ctrl-C.

  --once      print everything, then stop everything and exit
  --port N    local X-Ray port (UDP daemon + X-Ray API + UI); an error when N is taken.
              Without --port: ${DEFAULT_PORT}, or a free port when ${DEFAULT_PORT} is taken (it says which)
  --verbose   show the services' log lines
  -h, --help  print this help and exit

Ctrl-C, at any time, stops whatever has started: services, local X-Ray, emulator.
Exit codes: 0 done, 1 failed, 2 bad argument or taken --port, 130 Ctrl-C during start-up.`;

/** Parses the demo's arguments; an error message for anything unknown. Pure. */
export function parseDemoArgs(argv: readonly string[]): DemoOptions | { error: string } {
  const options: DemoOptions = { help: false, once: false, port: undefined, verbose: false };
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return { ...options, help: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue; // npm/pnpm pass the separator through
    if (arg === '--once') options.once = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const raw = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return { error: `--port needs an integer 0–65535, got ${String(raw)}` };
      options.port = port;
    } else return { error: `unknown argument ${arg}` };
  }
  return options;
}
