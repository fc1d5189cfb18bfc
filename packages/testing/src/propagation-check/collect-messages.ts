// Receives from one queue until every wanted message has arrived or the deadline passes.
import { ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';

/** Messages found by key, and the receive error that stopped the loop early, if any. */
export interface Collected {
  found: Map<string, Message>;
  error?: string;
}

/**
 * Polls `queueUrl` (long polls of up to 1 s, every attribute asked for) until a message with
 * each of `wanted` keys (as computed by `keyOf`) has arrived, or until `deadline` (epoch ms).
 */
export async function collectMessages(
  sqs: SQSClient,
  queueUrl: string,
  keyOf: (message: Message) => string | undefined,
  wanted: readonly string[],
  deadline: number,
): Promise<Collected> {
  const found = new Map<string, Message>();
  const missing = () => wanted.some((key) => !found.has(key));
  while (missing() && Date.now() < deadline) {
    const waitSeconds = deadline - Date.now() >= 1500 ? 1 : 0;
    let messages: Message[];
    try {
      const out = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: waitSeconds,
          VisibilityTimeout: 30,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      messages = out.Messages ?? [];
    } catch (error) {
      return { found, error: `ReceiveMessage failed: ${describeError(error)}` };
    }
    for (const message of messages) {
      const key = keyOf(message);
      if (key !== undefined && wanted.includes(key) && !found.has(key)) found.set(key, message);
    }
    if (messages.length === 0 && waitSeconds === 0) await sleep(100);
  }
  return { found };
}

/** `Name: message` of an error (AWS SDK errors carry their code as the name). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
