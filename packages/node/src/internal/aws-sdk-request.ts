import type { ClientRequest, RequestOptions } from 'node:http';

/**
 * True for an outgoing HTTP request made by the AWS SDK for JavaScript v3 (it sends
 * `x-amz-user-agent` / an `aws-sdk-js` user agent). The http instrumentation skips these: the
 * aws-sdk instrumentation already records the call as one subsegment, and the trace header the
 * SQS/SNS service reads must name that subsegment as `Parent`, not an HTTP child of it.
 * Runs on every outgoing request, so it allocates nothing: one pass over the header names.
 */
export function isAwsSdkRequest(request: RequestOptions | ClientRequest): boolean {
  if ('getHeader' in request) {
    // ClientRequest header lookups are case-insensitive.
    if (request.getHeader('x-amz-user-agent') !== undefined) return true;
    return isSdkUserAgent(request.getHeader('user-agent'));
  }
  const headers = request.headers as Record<string, unknown> | undefined;
  if (headers === undefined || headers === null || Array.isArray(headers)) return false;
  for (const name in headers) {
    if (!Object.hasOwn(headers, name)) continue;
    // Length first: most header names are neither of the two.
    if (name.length === 16 && name.toLowerCase() === 'x-amz-user-agent') {
      if (headers[name] !== undefined) return true;
    } else if (name.length === 10 && name.toLowerCase() === 'user-agent') {
      if (isSdkUserAgent(headers[name])) return true;
    }
  }
  return false;
}

function isSdkUserAgent(value: unknown): boolean {
  return typeof value === 'string' && value.includes('aws-sdk-js');
}
