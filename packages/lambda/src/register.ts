// `NODE_OPTIONS=--import @otel-xray/lambda/register`: every handler of the function traced, no
// code change. Only `_HANDLER` is rewritten here; tracing starts with the first invocation.
import { redirectHandler } from './handler-redirect.ts';

redirectHandler(process.env, new URL('../handler.mjs', import.meta.url));
