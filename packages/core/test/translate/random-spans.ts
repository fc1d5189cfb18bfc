// Seeded random spans for equivalence tests: the keys every block reads, keys that objects order or
// drop specially, values of every OTLP type (bigint, bytes, maps, non-finite numbers, strings that need
// escaping), local roots, links, exceptions, options — and now and then a document over 64 KB.
import { SpanStatusCode } from '@opentelemetry/api';
import type { TranslatableSpan, TranslateOptions } from '@otel-xray/core';
import { exceptionEvent, makeLink, makeSpan } from '../support/span-factory.ts';
import { seededRandom as prng } from '../support/seeded-random.ts';

const VALUES: unknown[] = [
  '',
  'x',
  'GET',
  'RECEIVED',
  '10.0.0.1',
  '2001:db8::1',
  'https://h:8443/p?q=1',
  'jdbc:postgresql://db:5432',
  'arn:aws:sns:us-east-1:1:t',
  'AWS::SQS',
  'AWS.SDK.S3',
  'aws-api',
  'aws_sqs',
  'aws.sns',
  'SQS',
  'SNS',
  'LOCAL_ROOT',
  'postgresql',
  'redis',
  '{"k":[1,2]}',
  '{"a":"b","2":3}',
  'null',
  '<bad>,name(1)*?',
  'ö🙂 naïve',
  'q"uote\\',
  'line\nbreak\u0001',
  'lone \ud800',
  'y'.repeat(300),
  0,
  80,
  429,
  503,
  -1,
  -0,
  1.5,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  undefined,
  ['a', 'b'],
  [1, null, 2],
  ['x', 'weird key!'],
  12345678901234567890n,
  42n,
  new Uint8Array([1, 2, 250]),
  { nested: { deep: [1, 'two'] }, n: 5n },
];

const KEYS = [
  'http.method',
  'http.request.method',
  'http.status_code',
  'http.response.status_code',
  'http.status_text',
  'http.url',
  'url.full',
  'url.scheme',
  'url.path',
  'url.query',
  'http.host',
  'http.target',
  'http.client_ip',
  'http.user_agent',
  'client.address',
  'network.peer.address',
  'net.peer.ip',
  'net.peer.name',
  'net.peer.port',
  'net.host.port',
  'server.address',
  'server.port',
  'host.name',
  'http.response.body.size',
  'message.type',
  'messaging.message_payload_size_bytes',
  'rpc.system',
  'rpc.service',
  'rpc.method',
  'aws.operation',
  'aws.region',
  'cloud.region',
  'aws.request_id',
  'aws.request.id',
  'aws.queue_url',
  'aws.sqs.queue.url',
  'aws.sqs.queue.name',
  'aws.sns.topic.arn',
  'messaging.url',
  'messaging.system',
  'messaging.destination.name',
  'aws.dynamodb.table_names',
  'aws.table_name',
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
  'db.statement',
  'db.query.text',
  'db.user',
  'user.name',
  'db.connection_string',
  'peer.service',
  'aws.service',
  'aws.local.service',
  'aws.remote.service',
  'aws.remote.operation',
  'aws.span.kind',
  'enduser.id',
  'aws.xray.annotations',
  'aws.xray.metadata.ns',
  'aws.xray.metadata.default',
  'aws.xray.metadata.DEFAULT',
  'aws.account_id',
  'otel.resource.service.name',
  'custom.key',
  'weird key!',
  'ключ',
  'q"key\\',
  '7',
  '01',
  '4294967295',
];

const RESOURCE_KEYS = [
  'service.name',
  'service.version',
  'service.namespace',
  'service.instance.id',
  'container.image.tag',
  'cloud.provider',
  'cloud.platform',
  'cloud.account.id',
  'cloud.availability_zone',
  'aws.ecs.launchtype',
  'host.id',
  'host.type',
  'k8s.cluster.name',
  'container.id',
  'telemetry.sdk.name',
  'telemetry.sdk.version',
  'telemetry.auto.version',
  'aws.log.group.names',
  'aws.log.group.arns',
  'weird "r"',
];
const PLATFORMS = ['aws_ec2', 'aws_ecs', 'aws_eks', 'aws_elastic_beanstalk', 'aws_lambda', 'gcp_x'];
const LANGUAGES = ['nodejs', 'java', 'python', 'dotnet', 'go', 'php', 'rust'];
const STACK =
  'Error: x "q"\n    at f (/a.js:1:2)\n    at new C (file:///C:/app/st%C3%B6ck.ts:12:9)\n    at async Promise.all (index 0)\n' +
  '\tat a.B.c(B.java:3)\nCaused by: E: m\n  File "/p.py", line 3, in g\n   at N.M() in /x.cs:line 4\nmain.f()\n\t/m.go:7 +0x1';
const OPTIONS: TranslateOptions[] = [
  {},
  {},
  { indexAllAttributes: true },
  {
    indexedAttributes: [
      'custom.key',
      'http.method',
      'otel.resource.service.name',
      'weird key!',
      '7',
    ],
  },
  { logGroupNames: ['/a', ''] },
];

/** One random span and the options to translate it with. */
export interface RandomCase {
  span: TranslatableSpan;
  options: TranslateOptions;
}

/** `count` seeded random spans (the same ones for the same seed). */
export function randomSpans(seed: number, count: number): RandomCase[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const cases: RandomCase[] = [];
  // One resource object is shared by several spans, as in a real process (its translation is cached).
  let resource: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const attributes: Record<string, unknown> = {};
    for (let k = 0, n = Math.floor(random() * 24); k < n; k++) {
      const key = pick(KEYS);
      attributes[key] =
        key === 'aws.xray.annotations'
          ? pick([['custom.key', '7'], ['weird key!'], 'x'])
          : pick(VALUES);
    }
    if (random() < 0.1) attributes['aws.span.kind'] = 'LOCAL_ROOT';
    if (random() < 0.03) attributes['big'] = 'z"'.repeat(40_000);
    if (i % 8 === 0) {
      resource = {};
      for (let k = 0, n = Math.floor(random() * 8); k < n; k++)
        resource[pick(RESOURCE_KEYS)] = pick(VALUES);
      if (random() < 0.5) resource['cloud.platform'] = pick(PLATFORMS);
      resource['telemetry.sdk.language'] = pick(LANGUAGES);
      if (random() < 0.3) resource['service.name'] = 'orders';
    }
    const events = [];
    if (random() < 0.3) events.push(exceptionEvent(pick(['Error', '', 'E"q']), 'm', STACK));
    if (random() < 0.1)
      events.push({
        name: 'HTTP request failure',
        time: [1700000000, 5] as [number, number],
        attributes: { 'http.response.status_code': 500, 'aws.http.error_message': 'boom "x"' },
      });
    if (random() < 0.1)
      events.push({
        name: 'message',
        time: [1700000000, 6] as [number, number],
        attributes: { 'message.type': 'RECEIVED', 'messaging.message_payload_size_bytes': 77 },
      });
    const span = makeSpan({
      name: pick(VALUES.filter((v): v is string => typeof v === 'string')),
      kind: Math.floor(random() * 5),
      parentSpanId: random() < 0.6 ? 'def5f36c82bfb98a' : undefined,
      status: {
        code: pick([SpanStatusCode.UNSET, SpanStatusCode.OK, SpanStatusCode.ERROR]),
        message: pick(['', 'boom', 'q"']),
      },
      attributes,
      resourceAttributes: resource,
      events,
      links:
        random() < 0.2
          ? [
              makeLink('0000000100000000000000000000000a', '1111111111111111', { a: 1, 'b"': 'c' }),
              makeLink('00000000000000000000000000000000', '1111111111111111'),
            ]
          : [],
    });
    cases.push({ span, options: pick(OPTIONS) });
  }
  return cases;
}
