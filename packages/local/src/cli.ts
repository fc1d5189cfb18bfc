#!/usr/bin/env node
// `otel-xray-local`: runs a local X-Ray until SIGINT/SIGTERM.
import { parseCliArgs, USAGE } from './cli-options.ts';
import { startLocalXRay } from './start-local-xray.ts';
import { describeRecovery, recoverDataFile } from './store/recover-data-file.ts';

const parsed = parseCliArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else if (parsed.kind === 'error') {
  process.stderr.write(`otel-xray-local: ${parsed.message}\n\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  try {
    if (parsed.recover === true && parsed.options.data !== undefined) {
      const report = await recoverDataFile(parsed.options.data);
      process.stderr.write(`otel-xray-local: --data-recover: ${describeRecovery(report)}\n`);
    }
    const xray = await startLocalXRay(parsed.options);
    process.stdout.write(
      [
        `otel-xray-local listening`,
        `  daemon (UDP)   ${xray.udpAddress}`,
        `  X-Ray API      ${xray.endpoint}`,
        `  UI             ${xray.endpoint}/`,
        parsed.options.data === undefined
          ? `  storage        memory`
          : `  storage        ${parsed.options.data}`,
        ``,
        `Paste into your services' environment:`,
        `  export AWS_XRAY_DAEMON_ADDRESS=${xray.udpAddress}`,
        `  export AWS_ENDPOINT_URL_XRAY=${xray.endpoint}`,
        ``,
      ].join('\n'),
    );
    const stop = (signal: string): void => {
      process.stdout.write(`\n${signal}: stopping\n`);
      xray.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    process.stderr.write(`otel-xray-local: cannot start: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
