import type { ClientRequest, RequestOptions } from 'node:http';

/**
 * True for an outgoing HTTP request made by the AWS SDK for JavaScript v3 (it sends
 * `x-amz-user-agent` / an `aws-sdk-js` user agent). The http instrumentation skips these: the
 * aws-sdk instrumentation already records the call as one subsegment, and the trace header the
 * SQS/SNS service reads must name that subsegment as `Parent`, not an HTTP child of it.
 */
export function isAwsSdkRequest(request: RequestOptions | ClientRequest): boolean {
  const headers =
    'getHeader' in request
      ? {
          'x-amz-user-agent': request.getHeader('x-amz-user-agent'),
          'user-agent': request.getHeader('user-agent'),
        }
      : (request.headers ?? {});
  const lower = Object.fromEntries(
    Object.entries(headers as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]),
  );
  if (lower['x-amz-user-agent'] !== undefined) return true;
  const ua = lower['user-agent'];
  return typeof ua === 'string' && ua.includes('aws-sdk-js');
}
