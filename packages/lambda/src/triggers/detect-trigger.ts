import { objectOf, recordsOf, textOf } from './event-fields.ts';

/** The event sources the wrapper understands; anything else is `direct` (an SDK or CLI invoke). */
export type TriggerKind =
  'api-gateway-rest' | 'api-gateway-http' | 'function-url' | 'alb' | 'sqs' | 'sns' | 'direct';

/** Classifies an invocation event by its documented shape. Pure; never throws. */
export function detectTrigger(event: unknown): TriggerKind {
  const records = recordsOf(event);
  const first = records?.[0];
  if (first?.eventSource === 'aws:sqs') return 'sqs';
  if (first?.EventSource === 'aws:sns') return 'sns';
  const body = objectOf(event);
  const request = objectOf(body?.requestContext);
  if (request === undefined) return 'direct';
  if (objectOf(request.elb) !== undefined) return 'alb';
  if (body?.version === '2.0' && objectOf(request.http) !== undefined) {
    // Function URLs send the HTTP API v2 payload from a `<id>.lambda-url.<region>.on.aws` domain.
    return textOf(request.domainName)?.includes('.lambda-url.')
      ? 'function-url'
      : 'api-gateway-http';
  }
  if (textOf(body?.httpMethod) !== undefined) return 'api-gateway-rest';
  return 'direct';
}

/** OpenTelemetry's `faas.trigger` of a kind. */
export function faasTrigger(kind: TriggerKind): string {
  if (kind === 'sqs' || kind === 'sns') return 'pubsub';
  if (kind === 'direct') return 'other';
  return 'http';
}
