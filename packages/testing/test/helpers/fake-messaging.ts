// A tiny SQS (JSON protocol, `x-amz-target: AmazonSQS.*`) and SNS (query protocol) on a real
// loopback port, with switches for the trace-header behaviours emulators get wrong. Defaults act
// like moto: explicit AWSTraceHeader kept on SendMessage, dropped everywhere else.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Which carriers the fake keeps. */
export interface FakeMessagingBehaviour {
  /** SendMessage keeps MessageSystemAttributes.AWSTraceHeader. Default true. */
  systemAttribute?: boolean;
  /** SendMessageBatch keeps each entry's AWSTraceHeader. Default false (moto drops it). */
  batchSystemAttribute?: boolean;
  /** SendMessage turns the HTTP X-Amzn-Trace-Id header into AWSTraceHeader. Default false. */
  httpHeader?: boolean;
  /** SNS passes the Publish request's X-Amzn-Trace-Id header on as AWSTraceHeader. Default false. */
  snsHeader?: boolean;
  /** Message attributes survive SendMessage and raw delivery. Default true. */
  messageAttributes?: boolean;
}

/** A running fake. */
export interface FakeMessaging {
  endpoint: string;
  /** Operations received, e.g. `sqs:SendMessage`, `sns:Publish`. */
  calls: string[];
  /** Names of queues and ARNs of topics that exist now. */
  live(): string[];
  close(): Promise<void>;
}

type Attrs = Record<string, { DataType: string; StringValue?: string }>;
interface StoredMessage {
  body: string;
  attributes: Attrs;
  system: Record<string, string>;
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeMessaging(b: FakeMessagingBehaviour = {}): Promise<FakeMessaging> {
  const queues = new Map<string, StoredMessage[]>(); // by name
  const topics = new Map<string, Array<{ queue: string; raw: boolean }>>(); // by ARN
  const calls: string[] = [];
  let endpoint = '';
  const arn = (kind: string, name: string) => `arn:aws:${kind}:us-east-1:000000000000:${name}`;
  const queueOf = (url: unknown) => String(url).split('/').pop() ?? '';
  const header = (req: IncomingMessage) => req.headers['x-amzn-trace-id'] as string | undefined;
  const store = (queue: string, m: StoredMessage) => {
    if (b.messageAttributes === false) m.attributes = {};
    queues.get(queue)?.push(m);
  };
  const systemOf = (
    input: Record<string, unknown>,
    keep: boolean | undefined,
  ): Record<string, string> => {
    const s = input.MessageSystemAttributes as Attrs | undefined;
    const value = s?.AWSTraceHeader?.StringValue;
    return keep !== false && value ? { AWSTraceHeader: value } : {};
  };

  const sqs = (op: string, input: Record<string, unknown>, req: IncomingMessage): unknown => {
    switch (op) {
      case 'CreateQueue': {
        const name = String(input.QueueName);
        queues.set(name, queues.get(name) ?? []);
        return { QueueUrl: `${endpoint}/000000000000/${name}` };
      }
      case 'GetQueueAttributes':
        return { Attributes: { QueueArn: arn('sqs', queueOf(input.QueueUrl)) } };
      case 'SetQueueAttributes':
        return {};
      case 'DeleteQueue':
        queues.delete(queueOf(input.QueueUrl));
        return {};
      case 'SendMessage': {
        const system = systemOf(input, b.systemAttribute);
        const traced = b.httpHeader ? header(req) : undefined;
        const fromHeader: Record<string, string> = traced ? { AWSTraceHeader: traced } : {};
        const body = String(input.MessageBody);
        const attributes = (input.MessageAttributes ?? {}) as Attrs;
        store(queueOf(input.QueueUrl), { body, attributes, system: { ...fromHeader, ...system } });
        return { MessageId: randomUUID(), MD5OfMessageBody: md5(body) };
      }
      case 'SendMessageBatch': {
        const entries = input.Entries as Array<Record<string, unknown>>;
        const Successful = entries.map((e) => {
          const body = String(e.MessageBody);
          const attributes = (e.MessageAttributes ?? {}) as Attrs;
          store(queueOf(input.QueueUrl), {
            body,
            attributes,
            system: systemOf(e, b.batchSystemAttribute ?? false),
          });
          return { Id: e.Id, MessageId: randomUUID(), MD5OfMessageBody: md5(body) };
        });
        return { Successful, Failed: [] };
      }
      case 'ReceiveMessage': {
        const waiting = queues.get(queueOf(input.QueueUrl)) ?? [];
        const taken = waiting.splice(0, Number(input.MaxNumberOfMessages ?? 1));
        const Messages = taken.map((m) => ({
          MessageId: randomUUID(),
          ReceiptHandle: randomUUID(),
          MD5OfBody: md5(m.body),
          Body: m.body,
          Attributes: { SentTimestamp: String(Date.now()), ...m.system },
          ...(Object.keys(m.attributes).length > 0 ? { MessageAttributes: m.attributes } : {}),
        }));
        return { Messages };
      }
      default:
        return undefined;
    }
  };

  const sns = (form: URLSearchParams, req: IncomingMessage): string | undefined => {
    const op = form.get('Action') ?? '';
    calls.push(`sns:${op}`);
    const mapEntries = (name: string, key: string, value: string) => {
      const out = new Map<string, string>();
      for (let i = 1; form.has(`${name}.entry.${i}.${key}`); i++) {
        out.set(form.get(`${name}.entry.${i}.${key}`)!, form.get(`${name}.entry.${i}.${value}`)!);
      }
      return out;
    };
    switch (op) {
      case 'CreateTopic': {
        const topicArn = arn('sns', form.get('Name') ?? '');
        topics.set(topicArn, topics.get(topicArn) ?? []);
        return `<TopicArn>${topicArn}</TopicArn>`;
      }
      case 'Subscribe': {
        const raw = mapEntries('Attributes', 'key', 'value').get('RawMessageDelivery') === 'true';
        const queue = (form.get('Endpoint') ?? '').split(':').pop() ?? '';
        topics.get(form.get('TopicArn') ?? '')?.push({ queue, raw });
        return `<SubscriptionArn>${form.get('TopicArn')}:${randomUUID()}</SubscriptionArn>`;
      }
      case 'Publish': {
        const message = form.get('Message') ?? '';
        const values = mapEntries('MessageAttributes', 'Name', 'Value.StringValue');
        const attributes: Attrs = {};
        for (const [k, v] of values) attributes[k] = { DataType: 'String', StringValue: v };
        const system: Record<string, string> =
          b.snsHeader && header(req) ? { AWSTraceHeader: header(req)! } : {};
        for (const sub of topics.get(form.get('TopicArn') ?? '') ?? []) {
          if (sub.raw) store(sub.queue, { body: message, attributes: { ...attributes }, system });
          else {
            const envelopeAttributes = Object.fromEntries(
              [...values].map(([k, v]) => [k, { Type: 'String', Value: v }]),
            );
            const body = JSON.stringify({
              Type: 'Notification',
              MessageId: randomUUID(),
              TopicArn: form.get('TopicArn'),
              Message: message,
              MessageAttributes: envelopeAttributes,
            });
            store(sub.queue, { body, attributes: {}, system });
          }
        }
        return `<MessageId>${randomUUID()}</MessageId>`;
      }
      case 'Unsubscribe':
        return '';
      case 'DeleteTopic':
        topics.delete(form.get('TopicArn') ?? '');
        return '';
      default:
        return undefined;
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string' && target.startsWith('AmazonSQS.')) {
      const op = target.slice('AmazonSQS.'.length);
      calls.push(`sqs:${op}`);
      const out = sqs(op, JSON.parse(text || '{}') as Record<string, unknown>, req);
      const status = out === undefined ? 400 : 200;
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify(out ?? { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: op }),
      );
      return;
    }
    const form = new URLSearchParams(text);
    const result = sns(form, req);
    const op = form.get('Action') ?? 'Unknown';
    res.writeHead(result === undefined ? 400 : 200, { 'content-type': 'text/xml' });
    res.end(
      result === undefined
        ? `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>${op}</Message></Error><RequestId>r</RequestId></ErrorResponse>`
        : `<${op}Response><${op}Result>${result}</${op}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${op}Response>`,
    );
  };

  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => handle(req, res, text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    calls,
    live: () => [...queues.keys(), ...topics.keys()],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
