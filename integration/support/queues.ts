// Reading the system's queues the way an operator would, untraced (the test process has no tracing).
import {
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

/** Polls `queueUrl` (long polls of 1 s) until a message matching `predicate` arrives; it is left in the queue's in-flight set. */
export async function receiveMatching(
  queueUrl: string,
  predicate: (message: Message) => boolean,
  timeoutMs = 20_000,
): Promise<Message> {
  const deadline = Date.now() + timeoutMs;
  const seen: string[] = [];
  while (Date.now() < deadline) {
    const out = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 30,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    for (const message of out.Messages ?? []) {
      if (predicate(message)) return message;
      seen.push(message.Body ?? '');
    }
  }
  throw new Error(
    `no matching message in ${queueUrl} within ${timeoutMs} ms; saw ${JSON.stringify(seen)}`,
  );
}

/** Sends a raw body to a queue with no trace context, as a foreign producer would. */
export async function sendRaw(queueUrl: string, body: string): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
}

/** `{Root, Parent, Sampled}` of an `AWSTraceHeader` value. */
export function headerFields(header: string | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return fields;
}
