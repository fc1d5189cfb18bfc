// The pure parts of the lean aws-sdk instrumentation: names, attribute builders, message-attribute
// injection and its limit, the Lambda ClientContext, and how received messages are read.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  trace,
  type Attributes,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commandNameOf,
  rpcAttributes,
  serviceNameOf,
} from '../../../src/instrumentation/aws-sdk/common-attributes.ts';
import {
  injectMessageAttributes,
  messageCarrier,
  withPropagationFields,
} from '../../../src/instrumentation/aws-sdk/message-attributes.ts';
import type { AwsSdkCall } from '../../../src/instrumentation/aws-sdk/aws-sdk-call.ts';
import { dynamodbExtension } from '../../../src/instrumentation/aws-sdk/services/dynamodb.ts';
import { snsExtension } from '../../../src/instrumentation/aws-sdk/services/sns.ts';
import { sqsExtension } from '../../../src/instrumentation/aws-sdk/services/sqs.ts';
import { queueNameOf } from '../../../src/internal/queue-name.ts';
import {
  lambdaExtension,
  withTraceClientContext,
} from '../../../src/instrumentation/aws-sdk/services/lambda.ts';
import {
  s3Extension,
  secretsManagerExtension,
} from '../../../src/instrumentation/aws-sdk/services/simple-services.ts';

const SPAN = {
  traceId: '5759e988bd862e3fe1be46a994272793',
  spanId: '53995c3f42cd8a8a',
  traceFlags: 1,
};
const spanContext = trace.setSpanContext(ROOT_CONTEXT, SPAN);
const TRACEPARENT = `00-${SPAN.traceId}-${SPAN.spanId}-01`;

function call(service: string, command: string, input: Record<string, unknown>): AwsSdkCall {
  return { service, command, input, kind: SpanKind.CLIENT };
}

function start(
  c: AwsSdkCall,
  extension: typeof sqsExtension,
): { name?: string; attributes: Attributes } {
  const attributes = rpcAttributes(c.service, c.command);
  return { name: extension.start(c, attributes), attributes };
}

beforeAll(() => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  propagation.disable();
  context.disable();
});

describe('common attributes', () => {
  describe('serviceNameOf', () => {
    it('takes the serviceId without spaces', () => {
      expect(serviceNameOf('Secrets Manager', 'SecretsManagerClient')).toBe('SecretsManager');
    });
    it('falls back to the client name without Client, then AWS', () => {
      expect(serviceNameOf(undefined, 'SQSClient')).toBe('SQS');
      expect(serviceNameOf(undefined, undefined)).toBe('AWS');
    });
  });
  describe('commandNameOf', () => {
    it('drops the Command suffix only', () => {
      expect(commandNameOf('SendMessageCommand')).toBe('SendMessage');
      expect(commandNameOf('Invoke')).toBe('Invoke');
    });
  });
});

describe('message attributes', () => {
  describe('injectMessageAttributes', () => {
    it('adds the propagator fields as String attributes beside the existing ones', () => {
      const attributes = { kind: { DataType: 'String', StringValue: 'x' } };
      expect(injectMessageAttributes(attributes, spanContext)).toEqual({
        kind: { DataType: 'String', StringValue: 'x' },
        traceparent: { DataType: 'String', StringValue: TRACEPARENT },
      });
    });
    it('adds nothing when the fields would pass the limit of 10 attributes', () => {
      // W3C has two fields (traceparent, tracestate): 9 + 2 > 10.
      const nine = Object.fromEntries(
        [...'abcdefghi'].map((k) => [k, { DataType: 'String', StringValue: k }]),
      );
      expect(Object.keys(injectMessageAttributes({ ...nine }, spanContext))).toEqual(
        Object.keys(nine),
      );
      const eight = Object.fromEntries(Object.entries(nine).slice(0, 8));
      expect(Object.keys(injectMessageAttributes({ ...eight }, spanContext))).toContain(
        'traceparent',
      );
    });
    it('makes a map when there was none', () => {
      expect(injectMessageAttributes(undefined, spanContext)).toHaveProperty('traceparent');
    });
  });
  describe('withPropagationFields', () => {
    it('adds the fields once to the names asked for', () => {
      expect(withPropagationFields(['kind', 'traceparent'])).toEqual([
        'kind',
        'traceparent',
        'tracestate',
      ]);
      expect(withPropagationFields(undefined)).toEqual(['traceparent', 'tracestate']);
    });
  });
  describe('messageCarrier', () => {
    it('reads MessageAttributes when one is a propagator field', () => {
      const attributes = { traceparent: { StringValue: TRACEPARENT } };
      expect(messageCarrier({ MessageAttributes: attributes, Body: '{}' })).toBe(attributes);
    });
    it('reads an SNS envelope body otherwise, and gives up on a body that is not JSON', () => {
      const envelope = {
        MessageAttributes: { traceparent: { Type: 'String', Value: TRACEPARENT } },
      };
      expect(messageCarrier({ Body: JSON.stringify(envelope) })).toEqual(
        envelope.MessageAttributes,
      );
      expect(messageCarrier({ Body: 'plain text' })).toBeUndefined();
      expect(messageCarrier({})).toBeUndefined();
    });
  });
});

describe('service extensions', () => {
  describe('SQS', () => {
    it('names a send span after the queue, as a PRODUCER', () => {
      const c = call('SQS', 'SendMessage', { QueueUrl: 'http://sqs.local/000000000000/orders' });
      const { name, attributes } = start(c, sqsExtension);
      expect(name).toBe('orders send');
      expect(c.kind).toBe(SpanKind.PRODUCER);
      expect(attributes).toEqual({
        'rpc.system': 'aws-api',
        'rpc.method': 'SendMessage',
        'rpc.service': 'SQS',
        'messaging.system': 'aws_sqs',
        'messaging.destination.name': 'orders',
        'url.full': 'http://sqs.local/000000000000/orders',
      });
    });
    it('asks ReceiveMessage for the trace attributes and AWSTraceHeader', () => {
      const input: Record<string, unknown> = {
        QueueUrl: 'q/orders',
        MessageAttributeNames: ['kind'],
      };
      const c = call('SQS', 'ReceiveMessage', input);
      const { name, attributes } = start(c, sqsExtension);
      expect(name).toBe('orders receive');
      expect(c.kind).toBe(SpanKind.CONSUMER);
      expect(attributes['messaging.operation.type']).toBe('receive');
      expect(input.MessageAttributeNames).toEqual([
        'kind',
        'traceparent',
        'tracestate',
        'X-Amzn-Trace-Id',
        'x-amzn-trace-id',
      ]);
      expect(input.MessageSystemAttributeNames).toEqual(['AWSTraceHeader']);
    });
    it('leaves other commands to the default name', () => {
      expect(
        start(call('SQS', 'CreateQueue', { QueueName: 'x' }), sqsExtension).name,
      ).toBeUndefined();
      expect(queueNameOf('')).toBeUndefined();
    });
    it('injects into each batch entry', () => {
      const input = { Entries: [{ Id: 'a' }, { Id: 'b', MessageAttributes: {} }] };
      sqsExtension.inject?.(call('SQS', 'SendMessageBatch', input), spanContext);
      for (const entry of input.Entries)
        expect(entry).toHaveProperty('MessageAttributes.traceparent');
    });
  });
  describe('SNS', () => {
    it('names a Publish after the topic and keeps the ARN', () => {
      const arn = 'arn:aws:sns:us-east-1:000000000000:orders';
      const c = call('SNS', 'Publish', { TopicArn: arn });
      const { name, attributes } = start(c, snsExtension);
      expect(name).toBe('orders send');
      expect(c.kind).toBe(SpanKind.PRODUCER);
      expect(attributes).toMatchObject({
        'messaging.system': 'aws.sns',
        'messaging.destination_kind': 'topic',
        'messaging.destination': 'orders',
        'messaging.destination.name': arn,
        'aws.sns.topic.arn': arn,
      });
    });
    it('names a phone-number Publish and other commands generically', () => {
      expect(start(call('SNS', 'Publish', { PhoneNumber: '+1555' }), snsExtension).name).toBe(
        'phone_number send',
      );
      expect(start(call('SNS', 'CreateTopic', { Name: 't' }), snsExtension).name).toBe(
        'SNS CreateTopic',
      );
    });
  });
  describe('Lambda', () => {
    it('names an Invoke after the function', () => {
      const c = call('Lambda', 'Invoke', { FunctionName: 'orders' });
      const { name, attributes } = start(c, lambdaExtension);
      expect(name).toBe('orders Invoke');
      expect(attributes['faas.invoked_name']).toBe('orders');
      expect(attributes['faas.invoked_provider']).toBe('aws');
      expect(attributes).not.toHaveProperty('faas.invoked_region');
    });
    it('merges the trace fields into the ClientContext custom map', () => {
      const given = Buffer.from(JSON.stringify({ custom: { app: 'x' }, env: { a: 1 } })).toString(
        'base64',
      );
      const out = withTraceClientContext(given, spanContext) ?? '';
      expect(JSON.parse(Buffer.from(out, 'base64').toString('utf8'))).toEqual({
        custom: { app: 'x', traceparent: TRACEPARENT },
        env: { a: 1 },
      });
    });
    it('keeps the ClientContext when it is not JSON or would be too long', () => {
      const bad = Buffer.from('not json').toString('base64');
      expect(withTraceClientContext(bad, spanContext)).toBe(bad);
      const long = Buffer.from(JSON.stringify({ custom: { pad: 'x'.repeat(2700) } })).toString(
        'base64',
      );
      expect(withTraceClientContext(long, spanContext)).toBe(long);
    });
  });
  describe('DynamoDB', () => {
    it('sets the db and table attributes of a Query', () => {
      const c = call('DynamoDB', 'Query', {
        TableName: 'orders',
        IndexName: 'by-date',
        Limit: 5,
        ScanIndexForward: true,
        ConsistentRead: false,
        ProjectionExpression: 'id',
      });
      const { name, attributes } = start(c, dynamodbExtension);
      expect(name).toBeUndefined();
      expect(attributes).toEqual({
        'rpc.system': 'aws-api',
        'rpc.method': 'Query',
        'rpc.service': 'DynamoDB',
        'db.system.name': 'aws.dynamodb',
        'db.namespace': 'orders',
        'db.operation.name': 'Query',
        'aws.dynamodb.table_names': ['orders'],
        'aws.dynamodb.projection': 'id',
        'aws.dynamodb.limit': 5,
        'aws.dynamodb.scan_forward': true,
        'aws.dynamodb.index_name': 'by-date',
      });
    });
    it('lists the tables of a batch and serializes CreateTable indexes', () => {
      const batch = start(
        call('DynamoDB', 'BatchGetItem', { RequestItems: { a: {}, b: {} } }),
        dynamodbExtension,
      );
      expect(batch.attributes['aws.dynamodb.table_names']).toEqual(['a', 'b']);
      const create = start(
        call('DynamoDB', 'CreateTable', {
          TableName: 't',
          ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 },
          GlobalSecondaryIndexes: [{ IndexName: 'g' }],
        }),
        dynamodbExtension,
      );
      expect(create.attributes).toMatchObject({
        'aws.dynamodb.provisioned_read_capacity': 1,
        'aws.dynamodb.provisioned_write_capacity': 2,
        'aws.dynamodb.global_secondary_indexes': ['{"IndexName":"g"}'],
      });
    });
  });
  describe('S3 and Secrets Manager', () => {
    it('set the bucket and only an ARN secret id', () => {
      expect(
        start(call('S3', 'GetObject', { Bucket: 'b' }), s3Extension).attributes['aws.s3.bucket'],
      ).toBe('b');
      const byName = start(
        call('SecretsManager', 'GetSecretValue', { SecretId: 'name' }),
        secretsManagerExtension,
      );
      expect(byName.attributes).not.toHaveProperty('aws.secretsmanager.secret.arn');
    });
  });
});
