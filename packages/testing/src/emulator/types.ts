/** How the AWS emulator was obtained. */
export type EmulatorMode = 'external' | 'container' | 'host';

/** What `startEmulator` is asked for: a mode, or `auto` to pick one from the environment. */
export type EmulatorModeRequest = EmulatorMode | 'auto';

/** A running (or external) AWS emulator for SQS and SNS. */
export interface StartedEmulator {
  /** Which mode was used. */
  mode: EmulatorMode;
  /** Base URL for AWS SDK clients (`AWS_ENDPOINT_URL`); empty for real AWS (`external` without one). */
  endpoint: string;
  /** Region the clients should use. */
  region: string;
  /** Milliseconds from the start call until the emulator answered. */
  startupMs: number;
  /** Stops what this call started (nothing for `external`); idempotent. */
  stop(): Promise<void>;
}
