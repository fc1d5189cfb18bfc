/** Where a local X-Ray listens, and how to stop it. */
export interface LocalXRayEndpoints {
  /** `host:port` for `AWS_XRAY_DAEMON_ADDRESS` (UDP segments; TCP sampling on the same port). */
  udpAddress: string;
  /** `http://host:port` for `AWS_ENDPOINT_URL_XRAY` (the X-Ray API and UI). */
  endpoint: string;
  /** Stops it; idempotent. */
  stop(): Promise<void>;
}
