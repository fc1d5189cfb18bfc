// `NODE_OPTIONS=--import @otel-xray/lambda/register`: every handler of the function traced, no
// code change. Only `_HANDLER` is rewritten here; tracing starts with the first invocation.
import { redirectHandler } from './handler-redirect.ts';

// Resolved through the package's own exports: right from src/, dist/ and dist/bundle/ alike.
redirectHandler(process.env, new URL(import.meta.resolve('@otel-xray/lambda/handler')));
