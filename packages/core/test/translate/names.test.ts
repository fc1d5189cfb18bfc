import { SpanKind } from '@opentelemetry/api';
import { describe, it } from 'vitest';
import type { Case } from './table.ts';
import { check, PARENT, seg, sub } from './table.ts';

const names: Case[] = [
  {
    rule: '§2 rule 1: a SERVER span is named by aws.local.service',
    span: {
      kind: SpanKind.SERVER,
      resourceAttributes: { 'service.name': 'orders-svc' },
      attributes: { 'aws.local.service': 'orders' },
    },
    expected: [
      seg({
        name: 'orders',
        metadata: {
          default: { 'otel.resource.service.name': 'orders-svc', 'aws.local.service': 'orders' },
        },
      }),
    ],
  },
  {
    rule: '§2 rule 7: a SERVER span falls back to the resource service.name',
    span: { kind: SpanKind.SERVER, resourceAttributes: { 'service.name': 'orders' } },
    expected: [
      seg({ name: 'orders', metadata: { default: { 'otel.resource.service.name': 'orders' } } }),
    ],
  },
  {
    rule: '§2 rule 7: a non-SERVER span does not use service.name',
    span: {
      parentSpanId: PARENT,
      name: 'compute',
      resourceAttributes: { 'service.name': 'orders' },
    },
    expected: [sub({ name: 'compute' })],
  },
  {
    rule: '§2 rule 3: an AWS SDK CLIENT span is named by aws.remote.service without AWS.SDK.',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'aws.remote.service': 'AWS.SDK.DynamoDB', 'rpc.system': 'aws-api' },
    },
    expected: [
      sub({
        name: 'DynamoDB',
        namespace: 'aws',
        metadata: {
          default: { 'aws.remote.service': 'AWS.SDK.DynamoDB', 'rpc.system': 'aws-api' },
        },
      }),
    ],
  },
  {
    rule: '§2 rule 3: the AWS:: prefix is kept on non-AWS-SDK spans',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'aws.remote.service': 'AWS::S3' },
    },
    expected: [
      sub({
        name: 'AWS::S3',
        namespace: 'remote',
        metadata: { default: { 'aws.remote.service': 'AWS::S3' } },
      }),
    ],
  },
  {
    rule: '§2 rule 4: peer.service beats rpc.service',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'peer.service': 'billing', 'rpc.service': 'Billing.V1' },
    },
    expected: [
      sub({
        name: 'billing',
        namespace: 'remote',
        metadata: { default: { 'peer.service': 'billing', 'rpc.service': 'Billing.V1' } },
      }),
    ],
  },
  {
    rule: '§2 rule 4: peer.service names a SERVER span before service.name',
    span: {
      kind: SpanKind.SERVER,
      resourceAttributes: { 'service.name': 'orders' },
      attributes: { 'peer.service': 'gateway' },
    },
    expected: [
      seg({
        name: 'gateway',
        metadata: {
          default: { 'otel.resource.service.name': 'orders', 'peer.service': 'gateway' },
        },
      }),
    ],
  },
  {
    rule: '§2: an attribute present with an empty value does not win',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'peer.service': '', 'rpc.service': 'Inventory' },
    },
    expected: [
      sub({
        name: 'Inventory',
        namespace: 'remote',
        metadata: { default: { 'peer.service': '', 'rpc.service': 'Inventory' } },
      }),
    ],
  },
  {
    rule: '§2 rule 5: aws.service names the span and sets namespace aws',
    span: { parentSpanId: PARENT, attributes: { 'aws.service': 'S3' } },
    expected: [
      sub({ name: 'S3', namespace: 'aws', metadata: { default: { 'aws.service': 'S3' } } }),
    ],
  },
  {
    rule: '§2 rule 6: db.name@host from a jdbc connection string',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      name: 'SELECT customers',
      attributes: {
        'db.system': 'mysql',
        'db.name': 'customers',
        'db.connection_string': 'jdbc:mysql://db.dev.example.com:3306',
      },
    },
    expected: [
      sub({
        name: 'customers@db.dev.example.com',
        namespace: 'remote',
        sql: {
          connection_string: 'jdbc:mysql://db.dev.example.com:3306/customers',
          url: 'SELECT customers',
          database_type: 'mysql',
        },
      }),
    ],
  },
  {
    rule: '§2 rule 6: db.name@host applies to non-SQL databases too',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'db.system': 'redis',
        'db.name': '0',
        'db.connection_string': 'redis://db.example.com:6379',
      },
    },
    expected: [
      sub({
        name: '0@db.example.com',
        namespace: 'remote',
        metadata: {
          default: {
            'db.system': 'redis',
            'db.name': '0',
            'db.connection_string': 'redis://db.example.com:6379',
          },
        },
      }),
    ],
  },
  {
    rule: '§2 rule 8: rpc.service names AWS SDK spans without ADOT',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'rpc.system': 'aws-api', 'rpc.service': 'SQS', 'rpc.method': 'ReceiveMessage' },
    },
    expected: [
      sub({
        name: 'SQS',
        namespace: 'aws',
        aws: { xray: { auto_instrumentation: false }, operation: 'ReceiveMessage' },
        metadata: { default: { 'rpc.system': 'aws-api', 'rpc.service': 'SQS' } },
      }),
    ],
  },
  {
    rule: '§2 rule 9: http.host names the span',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'http.host': 'api.example.com' },
    },
    expected: [
      sub({
        name: 'api.example.com',
        namespace: 'remote',
        http: { request: { url: 'http://api.example.com/' }, response: { content_length: 0 } },
      }),
    ],
  },
  {
    rule: '§2 rule 10: net.peer.name names the span (and the consumed key leaves metadata, §13.6)',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'net.peer.name': 'cache.local' },
    },
    expected: [sub({ name: 'cache.local', namespace: 'remote' })],
  },
  {
    rule: '§2 rule 11: the span-name fallback is sanitised',
    span: { parentSpanId: PARENT, name: '<subDomain>.example.com,1413' },
    expected: [sub({ name: 'subDomain.example.com1413' })],
  },
  {
    rule: '§2 rule 11: letters of any script, space and the allowed symbols are kept',
    span: { parentSpanId: PARENT, name: 'EP @ test_15.testing-dömain.org#GO' },
    expected: [sub({ name: 'EP @ test_15.testing-dömain.org#GO' })],
  },
  {
    rule: '§2 rule 11: a name with nothing left becomes span',
    span: { parentSpanId: PARENT, name: '<>' },
    expected: [sub({ name: 'span' })],
  },
  {
    rule: '§2 rule 11: names are cut to 200 UTF-8 bytes at a character boundary',
    span: { parentSpanId: PARENT, name: `${'a'.repeat(199)}ö tail` },
    expected: [sub({ name: 'a'.repeat(199) })],
  },
  {
    rule: '§2 extension: a stable-convention HTTP client span is named by server.address',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      name: 'GET',
      attributes: {
        'http.request.method': 'GET',
        'server.address': 'shipping.local',
        'server.port': 8080,
      },
    },
    expected: [
      sub({
        name: 'shipping.local',
        namespace: 'remote',
        http: {
          request: { method: 'GET', url: 'http://shipping.local/' },
          response: { content_length: 0 },
        },
      }),
    ],
  },
  {
    rule: '§2 extension: otherwise by the host of url.full',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      name: 'GET',
      attributes: {
        'http.request.method': 'GET',
        'url.full': 'https://user@api.example.com:8443/v1?x=1',
      },
    },
    expected: [
      sub({
        name: 'api.example.com',
        namespace: 'remote',
        http: {
          request: { method: 'GET', url: 'https://user@api.example.com:8443/v1?x=1' },
          response: { content_length: 0 },
        },
      }),
    ],
  },
  {
    rule: '§2 extension: new database conventions name the span db.namespace@server.address',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      name: 'SELECT orders',
      attributes: {
        'db.system.name': 'postgresql',
        'db.namespace': 'shop',
        'server.address': 'pg.local',
      },
    },
    expected: [
      sub({
        name: 'shop@pg.local',
        namespace: 'remote',
        sql: {
          connection_string: 'pg.local/shop',
          url: 'SELECT orders',
          database_type: 'postgresql',
        },
      }),
    ],
  },
  {
    rule: '§2 deviation: a name from an attribute is sanitised too (X-Ray rejects it otherwise)',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: { 'peer.service': 'billing (v2)' },
    },
    expected: [
      sub({
        name: 'billing v2',
        namespace: 'remote',
        metadata: { default: { 'peer.service': 'billing (v2)' } },
      }),
    ],
  },
  {
    rule: '§3: rpc.system aws-api gives namespace aws on any kind',
    span: { parentSpanId: PARENT, attributes: { 'rpc.system': 'aws-api' } },
    expected: [sub({ namespace: 'aws', metadata: { default: { 'rpc.system': 'aws-api' } } })],
  },
  {
    rule: '§3 origin: aws_ec2 → AWS::EC2::Instance (written on subsegments too, §13.13)',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: { 'cloud.provider': 'aws', 'cloud.platform': 'aws_ec2' },
    },
    expected: [
      sub({
        origin: 'AWS::EC2::Instance',
        aws: {
          ec2: { instance_id: null, availability_zone: null, instance_size: null, ami_id: null },
          xray: { auto_instrumentation: false },
        },
      }),
    ],
  },
  ...(
    [
      ['aws_ecs', 'fargate', 'AWS::ECS::Fargate'],
      ['aws_ecs', 'ec2', 'AWS::ECS::EC2'],
      ['aws_ecs', undefined, 'AWS::ECS::Container'],
    ] as const
  ).map(([platform, launchType, origin]): Case => ({
    rule: `§3 origin: ${platform} with launch type ${launchType ?? 'absent'} → ${origin}`,
    span: {
      parentSpanId: PARENT,
      resourceAttributes:
        launchType === undefined
          ? { 'cloud.platform': platform }
          : { 'cloud.platform': platform, 'aws.ecs.launchtype': launchType },
    },
    expected: [
      sub({
        origin,
        aws: {
          ecs: launchType === undefined ? {} : { launch_type: launchType },
          xray: { auto_instrumentation: false },
        },
      }),
    ],
  })),
  {
    rule: '§3 origin: aws_eks → AWS::EKS::Container',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: { 'cloud.platform': 'aws_eks', 'k8s.cluster.name': 'c1' },
    },
    expected: [
      sub({
        origin: 'AWS::EKS::Container',
        aws: {
          eks: { cluster_name: 'c1', pod: null, container_id: null },
          xray: { auto_instrumentation: false },
        },
      }),
    ],
  },
  {
    rule: '§3 origin: aws_app_runner → AWS::AppRunner::Service',
    span: { parentSpanId: PARENT, resourceAttributes: { 'cloud.platform': 'aws_app_runner' } },
    expected: [sub({ origin: 'AWS::AppRunner::Service' })],
  },
  {
    rule: '§3 origin: aws_lambda gives no origin (never AWS::Lambda::Function)',
    span: { parentSpanId: PARENT, resourceAttributes: { 'cloud.platform': 'aws_lambda' } },
    expected: [sub()],
  },
  {
    rule: '§3 origin / §13.15: a non-AWS cloud.provider removes origin and the aws block',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: { 'cloud.provider': 'gcp', 'cloud.platform': 'aws_ec2' },
    },
    expected: [{ ...sub(), aws: undefined }],
  },
];

describe('toSegmentDocuments', () => {
  describe('name, namespace and origin (§2, §3)', () => {
    it.each(names)('$rule', (row) => check(row));
  });
});
