// One SigV4-signed POST (service `xray`) with node:http(s). The signer covers the body's SHA-256,
// which is why signing happens here and not in an OTLP headers hook (that never sees the body).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** Status and body of a response. */
export interface PostResponse {
  /** HTTP status. */
  status: number;
  /** `Retry-After` in ms, when the server sent one in seconds. */
  retryAfterMillis: number | undefined;
  /** Response body. */
  body: Uint8Array;
}

/** Signs and posts bodies to one URL. */
export type SignedPost = (
  body: Uint8Array,
  contentType: string,
  signal: AbortSignal,
) => Promise<PostResponse>;

/** Options of {@link createSignedPost}. */
export interface SignedPostOptions {
  /** Target URL. */
  url: URL;
  /** Signing region. */
  region: string;
  /** Credentials source; never logged. */
  credentials: AwsCredentialIdentityProvider;
  /** Signing service name, `xray` for X-Ray's OTLP endpoint. */
  service?: string;
}

function retryAfter(value: string | string[] | undefined): number | undefined {
  const seconds = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** A function that signs (SigV4, service `xray` by default) and posts a body to `url`. */
export function createSignedPost(options: SignedPostOptions): SignedPost {
  const { url } = options;
  const signer = new SignatureV4({
    service: options.service ?? 'xray',
    region: options.region,
    credentials: options.credentials,
    sha256: Sha256,
  });
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;

  return async (body, contentType, signal) => {
    const unsigned = new HttpRequest({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port !== '' && { port: Number(url.port) }),
      path: url.pathname,
      headers: {
        host: url.host,
        'content-type': contentType,
        'content-length': String(body.byteLength),
      },
      body,
    });
    const signed = await signer.sign(unsigned);
    return new Promise<PostResponse>((resolve, reject) => {
      const req = send(url, { method: 'POST', headers: signed.headers, signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfterMillis: retryAfter(res.headers['retry-after']),
            body: new Uint8Array(Buffer.concat(chunks)),
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  };
}
