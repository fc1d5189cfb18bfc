// One execution environment serves many invocations; only its first one pays the init.
// Shared through globalThis so two copies of this package (bundled and installed) agree.
const key = Symbol.for('@otel-xray/lambda.invoked');

/** True once per process: for the first invocation. */
export function takeColdStart(): boolean {
  const shared = globalThis as { [key]?: boolean };
  if (shared[key] === true) return false;
  shared[key] = true;
  return true;
}
