// Zero-code set-up the way Lambda layers do it: the runtime client loads the handler named by
// `_HANDLER`; the register points `_HANDLER` at our `handler.mjs`, which loads the original one
// (kept in `OTEL_XRAY_LAMBDA_HANDLER`) and wraps it. No module patching, nothing loaded early.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the function's own handler string is kept once `_HANDLER` is redirected. */
export const ORIGINAL_HANDLER_ENV = 'OTEL_XRAY_LAMBDA_HANDLER';

/**
 * Points `env._HANDLER` at `wrapperModule` (`…/handler.mjs`, exporting `handler`) and keeps the
 * original in `OTEL_XRAY_LAMBDA_HANDLER`. Does nothing without `_HANDLER` or when already done.
 * Returns whether it redirected.
 */
export function redirectHandler(env: NodeJS.ProcessEnv, wrapperModule: URL): boolean {
  const current = env._HANDLER;
  if (!current) return false;
  const wrapper = fileURLToPath(wrapperModule);
  // The runtime client resolves `<module root>/<module>.<export>` and tries `.js`, `.mjs`, `.cjs`.
  const target = `${join(dirname(wrapper), 'handler')}.handler`;
  if (current === target) return false;
  env[ORIGINAL_HANDLER_ENV] = current;
  env._HANDLER = target;
  return true;
}
