/** One JSON log line per event on stdout: `{"t":…,"service":…,"msg":…,…fields}`. Never logs credentials. */
export function createLogger(
  service: string,
): (msg: string, fields?: Record<string, unknown>) => void {
  return (msg, fields = {}) => {
    process.stdout.write(
      `${JSON.stringify({ t: new Date().toISOString(), service, msg, ...fields })}\n`,
    );
  };
}
