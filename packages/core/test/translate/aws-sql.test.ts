import { SpanKind } from '@opentelemetry/api';
import { describe, it } from 'vitest';
import type { Case } from './table.ts';
import { check, PARENT, seg, sub } from './table.ts';

const XRAY0 = { auto_instrumentation: false };
const SQS_URL = 'https://sqs.us-east-1.amazonaws.com/000000000000/orders';

const awsCases: Case[] = [
  {
    rule: '§6: aws.operation beats rpc.method; both are consumed',
    span: {
      parentSpanId: PARENT,
      attributes: { 'rpc.method': 'GetItem', 'aws.operation': 'Query' },
    },
    expected: [sub({ aws: { xray: XRAY0, operation: 'Query' } })],
  },
  {
    rule: '§6: account_id from the resource cloud.account.id; the span attribute wins',
    span: {
      kind: SpanKind.SERVER,
      resourceAttributes: { 'cloud.account.id': '111111111111' },
      attributes: { 'aws.account_id': '222222222222' },
    },
    expected: [
      seg({
        aws: { xray: XRAY0, account_id: '222222222222' },
        metadata: { default: { 'otel.resource.cloud.account.id': '111111111111' } },
      }),
    ],
  },
  {
    rule: '§6: region from aws.region, request id from aws.requestId',
    span: {
      parentSpanId: PARENT,
      attributes: { 'aws.region': 'eu-west-1', 'aws.requestId': 'r-1' },
    },
    expected: [sub({ aws: { xray: XRAY0, region: 'eu-west-1', request_id: 'r-1' } })],
  },
  {
    rule: '§6 extension (§13.10): OTel JS cloud.region / aws.request.id fill region and request_id on AWS SDK spans',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'rpc.system': 'aws-api',
        'cloud.region': 'us-east-1',
        'aws.request.id': 'req-9',
      },
    },
    expected: [
      sub({
        namespace: 'aws',
        aws: { xray: XRAY0, region: 'us-east-1', request_id: 'req-9' },
        metadata: {
          default: {
            'rpc.system': 'aws-api',
            'cloud.region': 'us-east-1',
            'aws.request.id': 'req-9',
          },
        },
      }),
    ],
  },
  {
    rule: '§6: cloud.region on a non-AWS-SDK span stays metadata only',
    span: { parentSpanId: PARENT, attributes: { 'cloud.region': 'us-east-1' } },
    expected: [sub({ metadata: { default: { 'cloud.region': 'us-east-1' } } })],
  },
  {
    rule: '§6: messaging.url overrides aws.queue.url and stays in metadata',
    span: {
      parentSpanId: PARENT,
      attributes: { 'aws.queue.url': 'https://old', 'messaging.url': SQS_URL },
    },
    expected: [
      sub({
        aws: { xray: XRAY0, queue_url: SQS_URL },
        metadata: { default: { 'messaging.url': SQS_URL } },
      }),
    ],
  },
  {
    rule: '§6: one DynamoDB table name → table_name',
    span: { parentSpanId: PARENT, attributes: { 'aws.dynamodb.table_names': ['orders'] } },
    expected: [
      sub({
        aws: { xray: XRAY0, table_name: 'orders' },
        metadata: { default: { 'aws.dynamodb.table_names': ['orders'] } },
      }),
    ],
  },
  {
    rule: '§6: several DynamoDB table names → table_names and no table_name',
    span: {
      parentSpanId: PARENT,
      attributes: { 'aws.table_name': 'x', 'aws.dynamodb.table_names': ['a', 'b'] },
    },
    expected: [
      sub({
        aws: { xray: XRAY0, table_names: ['a', 'b'] },
        metadata: { default: { 'aws.dynamodb.table_names': ['a', 'b'] } },
      }),
    ],
  },
  {
    rule: '§6 extension: SNS topic ARN from aws.sns.topic.arn',
    span: {
      kind: SpanKind.PRODUCER,
      parentSpanId: PARENT,
      attributes: {
        'messaging.system': 'aws.sns',
        'aws.sns.topic.arn': 'arn:aws:sns:us-east-1:000000000000:orders',
      },
    },
    expected: [
      sub({
        namespace: 'remote',
        aws: { xray: XRAY0, topic_arn: 'arn:aws:sns:us-east-1:000000000000:orders' },
        metadata: {
          default: {
            'messaging.system': 'aws.sns',
            'aws.sns.topic.arn': 'arn:aws:sns:us-east-1:000000000000:orders',
          },
        },
      }),
    ],
  },
  {
    rule: '§6: xray sdk is "<name> for <language>"; auto_instrumentation from telemetry.distro.version',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: {
        'telemetry.sdk.name': 'opentelemetry',
        'telemetry.sdk.language': 'nodejs',
        'telemetry.sdk.version': '2.12.0',
        'telemetry.distro.version': '0.8.0',
      },
    },
    expected: [
      sub({
        aws: {
          xray: {
            sdk: 'opentelemetry for nodejs',
            sdk_version: '2.12.0',
            auto_instrumentation: true,
          },
        },
      }),
    ],
  },
  {
    rule: '§6: ec2 context from host.* with nulls for missing fields',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: { 'host.id': 'i-1', 'host.type': 't3.micro' },
    },
    expected: [
      sub({
        aws: {
          ec2: {
            instance_id: 'i-1',
            availability_zone: null,
            instance_size: 't3.micro',
            ami_id: null,
          },
          xray: XRAY0,
        },
      }),
    ],
  },
  {
    rule: '§6: ecs context keeps only present fields',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: {
        'cloud.platform': 'aws_ecs',
        'container.name': 'web',
        'aws.ecs.task.arn': 'arn:task',
        'cloud.availability_zone': 'us-east-1a',
      },
    },
    expected: [
      sub({
        origin: 'AWS::ECS::Container',
        aws: {
          ecs: { container: 'web', task_arn: 'arn:task', availability_zone: 'us-east-1a' },
          xray: XRAY0,
        },
      }),
    ],
  },
  {
    rule: '§6: elastic_beanstalk needs service.instance.id; a non-integer deployment id is 0',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: {
        'cloud.platform': 'aws_elastic_beanstalk',
        'service.instance.id': 'abc',
        'service.namespace': 'prod-env',
        'service.version': 'v7',
      },
    },
    expected: [
      sub({
        origin: 'AWS::ElasticBeanstalk::Environment',
        service: { version: 'v7' },
        aws: {
          elastic_beanstalk: {
            environment_name: 'prod-env',
            version_label: 'v7',
            deployment_id: 0,
          },
          xray: XRAY0,
        },
      }),
    ],
  },
  {
    rule: '§6: cloudwatch_logs from log group ARNs (name = 7th field)',
    span: {
      parentSpanId: PARENT,
      resourceAttributes: {
        'aws.log.group.arns': ['arn:aws:logs:us-east-1:123456789012:log-group:/app/orders:*'],
        'aws.log.group.names': ['ignored'],
      },
    },
    expected: [
      sub({
        aws: {
          cloudwatch_logs: [
            {
              log_group: '/app/orders',
              arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/app/orders:*',
            },
          ],
          xray: XRAY0,
        },
      }),
    ],
  },
  {
    rule: '§6: cloudwatch_logs from &-separated names',
    span: { parentSpanId: PARENT, resourceAttributes: { 'aws.log.group.names': 'a&&b' } },
    expected: [
      sub({ aws: { cloudwatch_logs: [{ log_group: 'a' }, { log_group: 'b' }], xray: XRAY0 } }),
    ],
  },
  {
    rule: '§6: cloudwatch_logs from the logGroupNames option when the resource names none',
    span: { parentSpanId: PARENT },
    options: { logGroupNames: ['/svc/orders'] },
    expected: [sub({ aws: { cloudwatch_logs: [{ log_group: '/svc/orders' }], xray: XRAY0 } })],
  },
  {
    rule: '§6: service.version comes from container.image.tag when service.version is absent',
    span: { parentSpanId: PARENT, resourceAttributes: { 'container.image.tag': '1.4.2' } },
    expected: [sub({ service: { version: '1.4.2' } })],
  },
];

const sqlCases: Case[] = [
  {
    rule: '§7: an SQL system gives an sql block whose url is the span name; db.* leave metadata',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      name: 'SELECT shop.orders',
      attributes: {
        'db.system': 'postgresql',
        'db.name': 'shop',
        'db.statement': 'SELECT * FROM orders WHERE id = $1',
        'db.user': 'app',
        'net.peer.name': 'pg.local',
      },
    },
    expected: [
      sub({
        name: 'shop',
        namespace: 'remote',
        sql: {
          connection_string: 'localhost/shop',
          url: 'SELECT shop.orders',
          sanitized_query: 'SELECT * FROM orders WHERE id = $1',
          database_type: 'postgresql',
          user: 'app',
        },
      }),
    ],
  },
  {
    rule: '§7: the jdbc: prefix is kept in connection_string',
    span: {
      parentSpanId: PARENT,
      name: 'q',
      attributes: {
        'db.system': 'mysql',
        'db.name': 'crm',
        'db.connection_string': 'jdbc:mysql://db:3306',
      },
    },
    expected: [
      sub({
        name: 'crm@db',
        sql: { connection_string: 'jdbc:mysql://db:3306/crm', url: 'q', database_type: 'mysql' },
      }),
    ],
  },
  {
    rule: '§7 extension (EmitV1DBConventions): db.system.name, db.namespace, db.query.text',
    span: {
      parentSpanId: PARENT,
      name: 'SELECT',
      attributes: {
        'db.system.name': 'microsoft.sql_server',
        'db.namespace': 'crm',
        'db.query.text': 'SELECT 1',
      },
    },
    expected: [
      sub({
        name: 'crm',
        sql: {
          connection_string: 'localhost/crm',
          url: 'SELECT',
          sanitized_query: 'SELECT 1',
          database_type: 'microsoft.sql_server',
        },
      }),
    ],
  },
  {
    rule: '§7: a non-SQL database gets no sql block and keeps db.* in metadata',
    span: {
      parentSpanId: PARENT,
      attributes: {
        'db.system': 'mongodb',
        'db.statement': '{"find":"orders"}',
        'db.name': 'shop',
      },
    },
    expected: [
      sub({
        name: 'shop',
        metadata: {
          default: {
            'db.system': 'mongodb',
            'db.statement': '{"find":"orders"}',
            'db.name': 'shop',
          },
        },
      }),
    ],
  },
];

describe('toSegmentDocuments', () => {
  describe('aws block (§6)', () => {
    it.each(awsCases)('$rule', (row) => check(row));
  });
  describe('sql block (§7)', () => {
    it.each(sqlCases)('$rule', (row) => check(row));
  });
});
