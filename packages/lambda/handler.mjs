// The handler Lambda loads once `@otel-xray/lambda/register` redirected `_HANDLER` here: the
// function's own handler (OTEL_XRAY_LAMBDA_HANDLER), loaded as the runtime client would, wrapped.
import process from 'node:process';
import { loadHandler, withTracing } from '@otel-xray/lambda';

const original = process.env.OTEL_XRAY_LAMBDA_HANDLER;
if (!original) throw new Error('@otel-xray/lambda: OTEL_XRAY_LAMBDA_HANDLER is not set');

export const handler = withTracing(await loadHandler(original));
