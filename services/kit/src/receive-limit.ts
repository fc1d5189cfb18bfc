// Apart from provision.ts, so the consumer services can read it without loading the SNS client.
/** Receives before a message moves to its dead-letter queue. */
export const MAX_RECEIVE_COUNT = 3;
