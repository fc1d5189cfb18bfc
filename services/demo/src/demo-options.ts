/** Command-line options of the demo. */
export interface DemoOptions {
  /** Print everything, stop and exit 0 instead of staying up until Ctrl-C. */
  once: boolean;
  /** Local X-Ray port (UDP daemon + API/UI); `2000` falls back to a free port when taken. */
  port: number;
  /** Stream the services' log lines. */
  verbose: boolean;
}

/** Usage text. */
export const DEMO_USAGE = `Usage: npm run demo -- [--once] [--port N] [--verbose]

  --once      print the trees and the service map, then stop everything and exit
  --port N    local X-Ray port (UDP daemon + API/UI); default 2000, or a free one when taken
  --verbose   show the services' log lines`;

/** Parses the demo's arguments; an error message for anything unknown. Pure. */
export function parseDemoArgs(argv: readonly string[]): DemoOptions | { error: string } {
  const options: DemoOptions = { once: false, port: 2000, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue; // npm/pnpm pass the separator through
    if (arg === '--once') options.once = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const raw = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return { error: `--port needs an integer 0–65535, got ${String(raw)}` };
      options.port = port;
    } else return { error: `unknown argument ${arg}` };
  }
  return options;
}
