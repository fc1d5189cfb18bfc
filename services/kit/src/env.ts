/** Reads a required environment variable, or exits the process with a clear message. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`missing environment variable ${name}\n`);
    process.exit(2);
  }
  return value;
}

/** Reads an integer environment variable with a default. */
export function intEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}
