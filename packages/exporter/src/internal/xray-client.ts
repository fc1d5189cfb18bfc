import { XRayClient } from '@aws-sdk/client-xray';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** Options of {@link createXRayClient}; absent fields are resolved by the SDK itself. */
export interface XRayClientOptions {
  /** Endpoint override; otherwise AWS_ENDPOINT_URL_XRAY, AWS_ENDPOINT_URL, then the regional endpoint. */
  endpoint?: string | undefined;
  /** Region; otherwise AWS_REGION and the shared config file. */
  region?: string | undefined;
  /** Credentials; otherwise the default chain. */
  credentials?: AwsCredentialIdentityProvider | undefined;
}

/** An X-Ray client with SDK retries off: the API transport retries itself. */
export function createXRayClient(options: XRayClientOptions): XRayClient {
  return new XRayClient({
    maxAttempts: 1,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.region !== undefined && { region: options.region }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
  });
}
