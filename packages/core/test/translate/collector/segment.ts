// segment_test.go and span_links_test.go of the collector's translator, restated as data: each row is
// one Go test, its span and exporter config, and what that test asserts — re-expressed, not copied.
// A row with `deviation` is a known disagreement: it asserts what we write instead and names the
// reason (TRANSLATION.md).
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { HrTime } from '@opentelemetry/api';
import { expect } from 'vitest';
import type { TranslatableSpan, TranslateOptions } from '@otel-xray/core';
import { makeLink } from '../../support/span-factory.ts';
import type { SpanInit } from '../../support/span-factory.ts';
import type { Doc, GoFile, Vector } from './support.ts';
import {
  aws,
  BASIC_RESOURCE,
  EMPTY_RESOURCE,
  goSpan,
  meta,
  notes,
  one,
  PARENT,
  size,
  TRACE,
} from './support.ts';

/** A SERVER span of the origin tests: error status, the given resource. */
function originSpan(resource: Record<string, unknown>): TranslatableSpan {
  return goSpan(SpanKind.SERVER, '/test', { status: ERROR, resource });
}

function origin(expected: string | undefined): (docs: Doc[]) => void {
  return (docs) => expect(one(docs).origin).toBe(expected);
}

const AWS_CLOUD = { 'cloud.provider': 'aws' };
const ECS = {
  ...AWS_CLOUD,
  'cloud.platform': 'aws_ecs',
  'host.id': 'instance-123',
  'container.name': 'container-123',
};

// constructTimedEventsWithSentMessageEvent()
function sentEvent(time: HrTime): SpanInit['events'] {
  return [
    {
      name: 'message',
      time,
      attributes: {
        'message.type': 'SENT',
        'messaging.message.id': 1,
        'messaging.message.payload_size_bytes': 7480,
      },
      droppedAttributesCount: 0,
    },
  ];
}

// getBasicAttributes(): an Application Signals span (every value a string, as constructSpanAttributes).
function basicAttributes(spanKind = 'LOCAL_ROOT'): Record<string, string> {
  return {
    'http.method': 'POST',
    'messaging.operation': 'receive',
    'otel.resource.attributes': 'service.name=myTest',
    'aws.span.kind': spanKind,
    'aws.remote.service': 'myRemoteService',
    'aws.remote.operation': 'myRemoteOperation',
    remoteTarget: 'myTarget',
    'K8s.RemoteNamespace': 'k8sRemoteNamespace',
    'aws.local.service': 'myLocalService',
    'aws.local.operation': 'awsLocalOperation',
    myAnnotationKey: 'myAnnotationValue',
    'aws.operation': 'UpdateItem',
    'aws.account_id': 'AWSAccountAttribute',
    'aws.region': 'AWSRegionAttribute',
    'aws.request_id': 'AWSRequestIDAttribute',
    'aws.queue_url': 'AWSQueueURLAttribute',
    'aws.table_name': 'TableName',
  };
}

function without(attrs: Record<string, string>, ...keys: string[]): Record<string, string> {
  const out = { ...attrs };
  for (const key of keys) delete out[key];
  return out;
}

const LINK = makeLink('0000000a000000000000000000000001', '00000000000000b1');
// The local-root tests index aws.remote.service and run with the allowDot gate off.
const APP_SIGNALS: TranslateOptions = {
  indexedAttributes: ['aws.remote.service', 'myAnnotationKey'],
  allowDotInAnnotationKeys: false,
};
const APP_SIGNALS_DOT: TranslateOptions = { indexedAttributes: APP_SIGNALS.indexedAttributes! };
const NO_DOT: TranslateOptions = { allowDotInAnnotationKeys: false };
// The trace-id timestamp tests run with the collector's timestamp validation on, at the spans' time.
const EPOCH_CHECK: TranslateOptions = { validateTraceIdTimestamp: true };
const NOW_MS = 1700000000_000;
const RESOURCE_KEYS = ['string', 'int', 'double', 'bool', 'map', 'array'].map(
  (k) => `otel.resource.${k}.key`,
);

// validateLocalRootDependencySubsegment()
function dependencySubsegment(doc: Doc, serviceId: unknown): void {
  expect(doc).toMatchObject({
    type: 'subsegment',
    name: 'myRemoteService',
    id: '53995c3f42cd8ad8',
    parent_id: serviceId,
    trace_id: TRACE,
    http: { request: { method: 'POST' } },
    namespace: 'remote',
  });
  expect(notes(doc)).toStrictEqual({
    aws_remote_service: 'myRemoteService',
    myAnnotationKey: 'myAnnotationValue',
  });
  expect(meta(doc)).toStrictEqual({
    'messaging.operation': 'receive',
    'aws.span.kind': 'LOCAL_ROOT',
    'aws.remote.operation': 'myRemoteOperation',
    remoteTarget: 'myTarget',
    'K8s.RemoteNamespace': 'k8sRemoteNamespace',
    'aws.local.service': 'myLocalService',
    'aws.local.operation': 'awsLocalOperation',
    'otel.resource.attributes': 'service.name=myTest',
  });
  expect(aws(doc)).toMatchObject({
    xray: { sdk: 'MySDK', sdk_version: '1.20.0', auto_instrumentation: true },
    operation: 'UpdateItem',
    account_id: 'AWSAccountAttribute',
    region: 'AWSRegionAttribute',
    request_id: 'AWSRequestIDAttribute',
    queue_url: 'AWSQueueURLAttribute',
    table_name: 'TableName',
  });
}

// validateLocalRootServiceSegment()
function serviceSegment(doc: Doc): void {
  expect(doc).toMatchObject({ name: 'myLocalService', trace_id: TRACE });
  expect(doc).not.toHaveProperty('type');
  expect(doc).not.toHaveProperty('http');
  expect(doc).not.toHaveProperty('namespace');
  expect(notes(doc)).toStrictEqual({ myAnnotationKey: 'myAnnotationValue' });
  expect(meta(doc)).toMatchObject({ 'otel.resource.attributes': 'service.name=myTest' });
  // Only the span's otel.resource.attributes key: a split's service segment stores no resource.
  expect(size(meta(doc))).toBe(1);
  expect(aws(doc)).toMatchObject({
    xray: { sdk: 'MySDK', sdk_version: '1.20.0', auto_instrumentation: true },
  });
  for (const key of ['operation', 'account_id', 'region', 'request_id', 'queue_url', 'table_name'])
    expect(aws(doc)).not.toHaveProperty(key);
}

function sameTimes(docs: Doc[]): void {
  expect(docs[0]!.start_time).toBe(docs[1]!.start_time);
  expect(docs[0]!.end_time).toBe(docs[1]!.end_time);
}

// validateLocalRootWithoutDependency(): a SERVER or INTERNAL local root, one segment.
function localRootSegment(doc: Doc, metadataKeys: number): void {
  expect(doc).toMatchObject({
    name: 'myLocalService',
    parent_id: PARENT,
    trace_id: TRACE,
    http: { request: { method: 'POST' } },
  });
  expect(doc).not.toHaveProperty('type');
  expect(doc).not.toHaveProperty('namespace');
  expect(doc.links).toHaveLength(1);
  expect(notes(doc)).toStrictEqual({
    aws_remote_service: 'myRemoteService',
    myAnnotationKey: 'myAnnotationValue',
  });
  expect(size(meta(doc))).toBe(metadataKeys);
  expect(meta(doc)).toMatchObject({
    'messaging.operation': 'receive',
    'aws.span.kind': 'LOCAL_ROOT',
    'aws.remote.operation': 'myRemoteOperation',
    remoteTarget: 'myTarget',
    'K8s.RemoteNamespace': 'k8sRemoteNamespace',
    'aws.local.service': 'myLocalService',
    'aws.local.operation': 'awsLocalOperation',
    'otel.resource.attributes': 'service.name=myTest',
  });
  expect(aws(doc)).toMatchObject({
    operation: 'UpdateItem',
    account_id: 'AWSAccountAttribute',
    region: 'AWSRegionAttribute',
    request_id: 'AWSRequestIDAttribute',
    queue_url: 'AWSQueueURLAttribute',
    table_name: 'TableName',
  });
}

const ERROR = { code: SpanStatusCode.ERROR, message: 'java.lang.NullPointerException' };
const START: HrTime = [1700000000, 123456789];
const DYNAMO = {
  'http.method': 'POST',
  'http.scheme': 'https',
  'http.host': 'dynamodb.us-east-1.amazonaws.com',
  'http.target': '/',
  'aws.request_id': '18BO1FEPJSSAOGNJEDPTPCMIU7VV4KQNSO5AEMVJF66Q9ASUAAJG',
  'aws.table_name': 'otel-dev-Testing',
};
const SERVER_500 = {
  'http.method': 'POST',
  'http.url': 'https://api.example.org/api/locations',
  'http.target': '/api/locations',
  'http.status_text': 'java.lang.NullPointerException',
  'http.user_agent': 'PostmanRuntime/7.21.0',
  'enduser.id': 'go.tester@example.com',
};
const PEER = {
  'http.method': 'GET',
  'http.scheme': 'https',
  'net.peer.ip': '2607:f8b0:4000:80c::2004',
  'net.peer.port': '9443',
};
const PAYMENT = {
  'http.method': 'POST',
  'http.scheme': 'https',
  'http.host': 'payment.amazonaws.com',
  'http.target': '/',
  'rpc.service': 'ABC',
};
const AWS_SDK = {
  'rpc.system': 'aws-api',
  'http.method': 'POST',
  'http.scheme': 'https',
  'rpc.service': 'DynamoDb',
};
const ATTRS12 = { 'attr1@1': 'val1', 'attr2@2': 'val2' };
const SPECIAL = { 'aws.operation': 'aws_operation_val', 'rpc.method': 'rpc_method_val' };

function named(name: string): (docs: Doc[]) => void {
  return (docs) => expect(one(docs).name).toBe(name);
}

function resourceIndexed(keys: Record<string, unknown>): (docs: Doc[]) => void {
  return (docs) => {
    const doc = one(docs);
    expect(notes(doc)).toStrictEqual(keys);
    // Maps and arrays cannot be annotations: they stay in metadata.
    expect(meta(doc)['otel.resource.map.key']).toStrictEqual({ key1: 1, key2: 'value' });
    expect(meta(doc)['otel.resource.array.key']).toStrictEqual(['foo', 'bar']);
  };
}

const vectors: Vector[] = [
  {
    go: 'TestClientSpanWithRpcAwsSdkClientAttributes',
    span: goSpan(SpanKind.CLIENT, 'AmazonDynamoDB.getItem', {
      attributes: {
        ...DYNAMO,
        'rpc.service': 'DynamoDB',
        'rpc.method': 'GetItem',
        'rpc.system': 'aws-api',
      },
    }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).toMatchObject({ name: 'DynamoDB', namespace: 'aws', type: 'subsegment' });
      expect(aws(doc).operation).toBe('GetItem');
      expect(JSON.stringify(doc)).not.toContain('user');
    },
  },
  {
    go: 'TestClientSpanWithLegacyAwsSdkClientAttributes',
    span: goSpan(SpanKind.CLIENT, 'AmazonDynamoDB.getItem', {
      attributes: {
        ...DYNAMO,
        'aws.service': 'DynamoDB',
        'rpc.method': 'IncorrectAWSSDKOperation',
        'aws.operation': 'GetItem',
      },
    }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).toMatchObject({ name: 'DynamoDB', namespace: 'aws', type: 'subsegment' });
      expect(aws(doc).operation).toBe('GetItem');
      expect(JSON.stringify(doc)).not.toContain('user');
    },
  },
  {
    go: 'TestClientSpanWithPeerService',
    span: goSpan(SpanKind.CLIENT, 'AmazonDynamoDB.getItem', {
      attributes: {
        ...DYNAMO,
        'peer.service': 'cats-table',
        'aws.service': 'DynamoDB',
        'aws.operation': 'GetItem',
      },
    }),
    asserts: named('cats-table'),
  },
  {
    go: 'TestServerSpanWithInternalServerError',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      attributes: { ...SERVER_500, 'http.status_code': 500 },
      status: ERROR,
      events: sentEvent(START),
    }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).toMatchObject({ name: 'signup_aggregator', fault: true });
      expect(doc.cause).toBeDefined();
    },
  },
  {
    go: 'TestServerSpanWithThrottle',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      attributes: { ...SERVER_500, 'http.status_code': 429 },
      status: ERROR,
      events: sentEvent(START),
    }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).toMatchObject({
        name: 'signup_aggregator',
        fault: false,
        error: true,
        throttle: true,
      });
      expect(doc.cause).toBeDefined();
    },
  },
  {
    go: 'TestServerSpanNoParentId',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      parentSpanId: undefined,
      status: { code: SpanStatusCode.OK, message: 'OK' },
    }),
    asserts: (docs) => expect(one(docs)).not.toHaveProperty('parent_id'),
  },
  {
    go: 'TestSpanNoParentId',
    span: goSpan(SpanKind.PRODUCER, 'my-topic send', {
      parentSpanId: undefined,
      resource: EMPTY_RESOURCE,
    }),
    asserts: (docs) => {
      expect(one(docs)).not.toHaveProperty('parent_id');
      expect(one(docs)).not.toHaveProperty('type');
    },
  },
  {
    go: 'TestSpanWithNoStatus',
    span: goSpan(SpanKind.SERVER, 'span', { resource: EMPTY_RESOURCE }),
    asserts: (docs) => expect(one(docs).id).toBe('53995c3f42cd8ad8'),
  },
  {
    go: 'TestClientSpanWithDbComponent',
    span: goSpan(SpanKind.CLIENT, 'call update_user_preference( ?, ?, ? )', {
      attributes: {
        'db.system': 'mysql',
        'db.name': 'customers',
        'db.statement': 'call update_user_preference( ?, ?, ? )',
        'db.user': 'userprefsvc',
        'db.connection_string': 'jdbc:mysql://db.dev.example.com:3306',
        'net.peer.name': 'db.dev.example.com',
        'net.peer.port': '3306',
        'enterprise.app.id': '25F2E73B-4769-4C79-9DF3-7EBE85D571EA',
      },
    }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).toMatchObject({
        name: 'customers@db.dev.example.com',
        fault: false,
        error: false,
        namespace: 'remote',
      });
      for (const key of ['sql', 'service', 'aws', 'metadata']) expect(doc).toHaveProperty(key);
      for (const key of ['annotations', 'cause', 'http']) expect(doc).not.toHaveProperty(key);
      expect(meta(doc)['enterprise.app.id']).toBe('25F2E73B-4769-4C79-9DF3-7EBE85D571EA');
      expect(JSON.stringify(doc)).toContain('call update_user_preference( ?, ?, ? )');
    },
  },
  {
    go: 'TestClientSpanWithHttpHost',
    span: goSpan(SpanKind.CLIENT, 'GET /', {
      attributes: {
        ...PEER,
        'http.target': '/',
        'http.host': 'foo.com',
        'net.peer.name': 'bar.com',
      },
    }),
    asserts: named('foo.com'),
  },
  {
    go: 'TestClientSpanWithoutHttpHost',
    span: goSpan(SpanKind.CLIENT, 'GET /', {
      attributes: { ...PEER, 'http.target': '/', 'net.peer.name': 'bar.com' },
    }),
    asserts: named('bar.com'),
  },
  {
    go: 'TestClientSpanWithRpcHost',
    span: goSpan(SpanKind.CLIENT, 'GET /com.foo.AnimalService/GetCats', {
      attributes: {
        ...PEER,
        'http.target': '/com.foo.AnimalService/GetCats',
        'rpc.service': 'com.foo.AnimalService',
        'net.peer.name': 'bar.com',
      },
    }),
    asserts: named('com.foo.AnimalService'),
  },
  {
    go: 'TestSpanWithInvalidTraceId',
    span: goSpan(SpanKind.CLIENT, 'platformapi.widgets.searchWidgets', {
      parentSpanId: undefined,
      traceId: '1153f100bd862e3fe1be46a994272793',
    }),
    options: EPOCH_CHECK,
    now: NOW_MS,
    refused: 'trace-id-timestamp',
    asserts: (docs) => expect(docs).toStrictEqual([]),
  },
  {
    go: 'TestSpanWithExpiredTraceId',
    span: goSpan(SpanKind.CLIENT, 'span', { traceId: '5fffffffbd862e3fe1be46a994272793' }),
    options: EPOCH_CHECK,
    now: NOW_MS,
    refused: 'trace-id-timestamp',
    asserts: (docs) => expect(docs).toStrictEqual([]),
  },
  {
    go: 'TestSpanWithInvalidTraceIdWithoutTimestampValidation',
    span: goSpan(SpanKind.PRODUCER, 'ABC.payment', {
      traceId: '1153f100bd862e3fe1be46a994272793',
      attributes: {
        'http.method': 'POST',
        'http.scheme': 'https',
        'http.host': 'payment.amazonaws.com',
        'http.target': '/',
        'rpc.service': 'ABC',
        'aws.remote.service': 'ProducerService',
      },
    }),
    asserts: (docs) => {
      expect(one(docs)).toMatchObject({ name: 'ProducerService', type: 'subsegment' });
      expect(JSON.stringify(docs[0])).not.toContain('user');
    },
  },
  {
    go: 'TestSpanWithExpiredTraceIdWithoutTimestampValidation',
    span: goSpan(SpanKind.SERVER, 'span', { traceId: '5fffffffbd862e3fe1be46a994272793' }),
    asserts: (docs) => expect(one(docs).trace_id).toBe('1-5fffffff-bd862e3fe1be46a994272793'),
  },
  {
    go: 'TestFixSegmentName (valid name kept)',
    span: goSpan(SpanKind.INTERNAL, 'EP @ test_15.testing-d\u00F6main.org#GO', {
      parentSpanId: undefined,
      resource: EMPTY_RESOURCE,
    }),
    asserts: named('EP @ test_15.testing-d\u00F6main.org#GO'),
  },
  {
    go: 'TestFixSegmentName (invalid characters removed)',
    span: goSpan(SpanKind.INTERNAL, '<subDomain>.example.com,1413', {
      parentSpanId: undefined,
      resource: EMPTY_RESOURCE,
    }),
    asserts: named('subDomain.example.com1413'),
  },
  {
    go: 'TestFixSegmentName (nothing left)',
    span: goSpan(SpanKind.INTERNAL, '<>', { parentSpanId: undefined, resource: EMPTY_RESOURCE }),
    asserts: named('span'),
  },
  {
    go: 'TestFixAnnotationKey (allowDot off)',
    span: goSpan(SpanKind.SERVER, 'span', {
      resource: EMPTY_RESOURCE,
      attributes: { Key_1: 1, 'Key.2': 2, 'Key@3': 3 },
    }),
    options: { ...NO_DOT, indexAllAttributes: true },
    asserts: (docs) => expect(notes(one(docs))).toStrictEqual({ Key_1: 1, Key_2: 2, Key_3: 3 }),
  },
  {
    go: 'TestFixAnnotationKeyWithAllowDot',
    span: goSpan(SpanKind.SERVER, 'span', {
      resource: EMPTY_RESOURCE,
      attributes: { Key_1: 1, 'Key.2': 2, 'Key@3': 3 },
    }),
    options: { indexAllAttributes: true },
    asserts: (docs) => expect(notes(one(docs))).toStrictEqual({ Key_1: 1, 'Key.2': 2, Key_3: 3 }),
  },
  {
    go: 'TestServerSpanWithNilAttributes',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      status: { code: SpanStatusCode.ERROR, message: 'OK' },
      events: sentEvent(START),
    }),
    asserts: (docs) => {
      expect(one(docs)).toMatchObject({ name: 'signup_aggregator', fault: true });
      expect(docs[0]!.cause).toBeDefined();
    },
  },
  {
    go: 'TestSpanWithAttributesDefaultNotIndexed',
    span: goSpan(SpanKind.SERVER, '/api/locations', { attributes: ATTRS12, status: ERROR }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).not.toHaveProperty('annotations');
      expect(meta(doc)).toMatchObject({
        'attr1@1': 'val1',
        'attr2@2': 'val2',
        'otel.resource.string.key': 'string',
        'otel.resource.int.key': 10,
        'otel.resource.double.key': 5.5,
        'otel.resource.bool.key': true,
        'otel.resource.map.key': { key1: 1, key2: 'value' },
        'otel.resource.array.key': ['foo', 'bar'],
      });
    },
  },
  {
    go: 'TestSpanWithResourceNotStoredIfSubsegment',
    span: goSpan(SpanKind.CLIENT, '/api/locations', { attributes: ATTRS12, status: ERROR }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).not.toHaveProperty('annotations');
      expect(meta(doc)).toStrictEqual(ATTRS12);
    },
  },
  {
    go: 'TestSpanWithAttributesPartlyIndexed',
    span: goSpan(SpanKind.SERVER, '/api/locations', { attributes: ATTRS12, status: ERROR }),
    options: { indexedAttributes: ['attr1@1', 'not_exist'] },
    asserts: (docs) => {
      expect(notes(one(docs))).toStrictEqual({ attr1_1: 'val1' });
      expect(meta(docs[0]!)['attr2@2']).toBe('val2');
    },
  },
  {
    go: 'TestSpanWithAnnotationsAttribute',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      attributes: { ...ATTRS12, 'aws.xray.annotations': ['attr2@2', 'not_exist'] },
      status: ERROR,
    }),
    asserts: (docs) => {
      expect(notes(one(docs))).toStrictEqual({ attr2_2: 'val2' });
      expect(meta(docs[0]!)['attr1@1']).toBe('val1');
    },
  },
  {
    go: 'TestSpanWithAttributesAllIndexed',
    span: goSpan(SpanKind.SERVER, '/api/locations', { attributes: ATTRS12 }),
    options: { indexedAttributes: ['attr1@1', 'not_exist'], indexAllAttributes: true },
    asserts: (docs) => expect(notes(one(docs))).toMatchObject({ attr1_1: 'val1', attr2_2: 'val2' }),
  },
  {
    go: 'TestSpanWithAttributesSegmentMetadata',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      attributes: {
        'attr1@1': 'val1',
        'aws.xray.metadata.default': '{"custom_key": "custom_value"}',
        'aws.xray.metadata.http': '{"connection":{"reused":false,"was_idle":false}}',
        'aws.xray.metadata.non-xray-sdk': 'retain-value',
      },
      status: ERROR,
    }),
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).not.toHaveProperty('annotations');
      expect(size(doc.metadata)).toBe(2);
      expect(meta(doc)).toMatchObject({
        'attr1@1': 'val1',
        custom_key: 'custom_value',
        'aws.xray.metadata.non-xray-sdk': 'retain-value',
      });
      expect(meta(doc)).not.toHaveProperty(['aws.xray.metadata.default']);
      expect(meta(doc)).not.toHaveProperty(['aws.xray.metadata.http']);
      expect((doc.metadata as Doc).http).toStrictEqual({
        connection: { reused: false, was_idle: false },
      });
    },
  },
  {
    go: 'TestResourceAttributesCanBeIndexed',
    span: goSpan(SpanKind.SERVER, '/api/locations', { status: ERROR }),
    options: { indexedAttributes: RESOURCE_KEYS, allowDotInAnnotationKeys: false },
    asserts: resourceIndexed({
      otel_resource_string_key: 'string',
      otel_resource_int_key: 10,
      otel_resource_double_key: 5.5,
      otel_resource_bool_key: true,
    }),
  },
  {
    go: 'TestResourceAttributesCanBeIndexedWithAllowDot',
    span: goSpan(SpanKind.SERVER, '/api/locations', { status: ERROR }),
    options: { indexedAttributes: RESOURCE_KEYS },
    asserts: resourceIndexed({
      'otel.resource.string.key': 'string',
      'otel.resource.int.key': 10,
      'otel.resource.double.key': 5.5,
      'otel.resource.bool.key': true,
    }),
  },
  {
    go: 'TestResourceAttributesNotIndexedIfSubsegment',
    span: goSpan(SpanKind.CLIENT, '/api/locations', { status: ERROR }),
    options: { indexedAttributes: RESOURCE_KEYS },
    asserts: (docs) => {
      expect(one(docs)).not.toHaveProperty('annotations');
      expect(docs[0]).not.toHaveProperty('metadata');
    },
  },
  {
    go: 'TestSpanWithSpecialAttributesAsListed',
    span: goSpan(SpanKind.SERVER, '/api/locations', { attributes: SPECIAL, status: ERROR }),
    options: { indexedAttributes: ['aws.operation', 'rpc.method'], ...NO_DOT },
    asserts: (docs) =>
      expect(notes(one(docs))).toStrictEqual({
        aws_operation: 'aws_operation_val',
        rpc_method: 'rpc_method_val',
      }),
  },
  {
    go: 'TestSpanWithSpecialAttributesAsListedWithAllowDot',
    span: goSpan(SpanKind.SERVER, '/api/locations', { attributes: SPECIAL, status: ERROR }),
    options: { indexedAttributes: ['aws.operation', 'rpc.method'] },
    asserts: (docs) =>
      expect(notes(one(docs))).toStrictEqual({
        'aws.operation': 'aws_operation_val',
        'rpc.method': 'rpc_method_val',
      }),
  },
  {
    go: 'TestSpanWithSpecialAttributesAsListedAndIndexAll',
    span: goSpan(SpanKind.SERVER, '/api/locations', { attributes: SPECIAL, status: ERROR }),
    options: {
      indexedAttributes: ['aws.operation', 'rpc.method'],
      indexAllAttributes: true,
      ...NO_DOT,
    },
    asserts: (docs) =>
      expect(notes(one(docs))).toMatchObject({
        aws_operation: 'aws_operation_val',
        rpc_method: 'rpc_method_val',
      }),
  },
  {
    go: 'TestSpanWithSpecialAttributesAsListedAndIndexAllWithAllowDot',
    span: goSpan(SpanKind.SERVER, '/api/locations', { attributes: SPECIAL, status: ERROR }),
    options: { indexedAttributes: ['aws.operation', 'rpc.method'], indexAllAttributes: true },
    asserts: (docs) =>
      expect(notes(one(docs))).toMatchObject({
        'aws.operation': 'aws_operation_val',
        'rpc.method': 'rpc_method_val',
      }),
  },
  {
    go: 'TestSpanWithSpecialAttributesNotListedAndIndexAll',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      attributes: { 'aws.operation': 'val1', 'rpc.method': 'val2' },
      status: ERROR,
    }),
    options: { indexAllAttributes: true, ...NO_DOT },
    asserts: (docs) => {
      expect(notes(one(docs))).not.toHaveProperty('aws_operation');
      expect(notes(docs[0]!)).not.toHaveProperty('rpc_method');
    },
  },
  {
    go: 'TestOriginNotAws',
    span: goSpan(SpanKind.SERVER, '/test', {
      status: ERROR,
      resource: { 'cloud.provider': 'gcp', 'host.id': 'instance-123' },
    }),
    options: { indexedAttributes: [] },
    asserts: (docs) => expect(one(docs)).not.toHaveProperty('origin'),
  },
  {
    go: 'TestOriginEc2',
    span: originSpan({ ...AWS_CLOUD, 'cloud.platform': 'aws_ec2', 'host.id': 'instance-123' }),
    asserts: origin('AWS::EC2::Instance'),
  },
  { go: 'TestOriginEcs', span: originSpan(ECS), asserts: origin('AWS::ECS::Container') },
  {
    go: 'TestOriginEcsEc2',
    span: originSpan({ ...ECS, 'aws.ecs.launchtype': 'ec2' }),
    asserts: origin('AWS::ECS::EC2'),
  },
  {
    go: 'TestOriginEcsFargate',
    span: originSpan({ ...ECS, 'aws.ecs.launchtype': 'fargate' }),
    asserts: origin('AWS::ECS::Fargate'),
  },
  {
    go: 'TestOriginEb',
    span: originSpan({
      ...AWS_CLOUD,
      'cloud.platform': 'aws_elastic_beanstalk',
      'host.id': 'instance-123',
      'container.name': 'container-123',
      'service.instance.id': 'service-123',
    }),
    asserts: origin('AWS::ElasticBeanstalk::Environment'),
  },
  {
    go: 'TestOriginEks',
    span: originSpan({
      ...AWS_CLOUD,
      'cloud.platform': 'aws_eks',
      'cloud.account.id': '123456789',
      'cloud.availability_zone': 'us-east-1c',
      'container.image.name': 'otel/signupaggregator',
      'container.image.tag': 'v1',
      'k8s.cluster.name': 'production',
      'k8s.namespace.name': 'default',
      'k8s.deployment.name': 'signup_aggregator',
      'k8s.pod.name': 'my-deployment-65dcf7d447-ddjnl',
      'container.name': 'signup_aggregator-x82ufje83',
      'container.id': '0123456789A',
      'host.id': 'i-00f7c0bcb26da2a99',
      'host.type': 'm5.xlarge',
    }),
    asserts: origin('AWS::EKS::Container'),
  },
  {
    go: 'TestOriginAppRunner',
    span: originSpan({ ...AWS_CLOUD, 'cloud.platform': 'aws_app_runner' }),
    asserts: origin('AWS::AppRunner::Service'),
  },
  { go: 'TestOriginBlank', span: originSpan(AWS_CLOUD), asserts: origin(undefined) },
  {
    go: 'TestOriginPrefersInfraService',
    span: originSpan({
      ...AWS_CLOUD,
      'cloud.platform': 'aws_ec2',
      'k8s.cluster.name': 'cluster-123',
      'host.id': 'instance-123',
      'container.name': 'container-123',
      'service.instance.id': 'service-123',
    }),
    asserts: origin('AWS::EC2::Instance'),
  },
  {
    go: 'TestFilteredAttributesMetadata',
    span: goSpan(SpanKind.SERVER, '/test', {
      status: ERROR,
      resource: EMPTY_RESOURCE,
      raw: {
        string_value: 'value',
        int_value: 123,
        float_value: 456.78,
        bool_value: false,
        null_value: null,
        array_value: [12, 34, 56],
        map_value: { value1: -987.65, value2: true },
      },
    }),
    asserts: (docs) => {
      const m = meta(one(docs));
      expect(m).not.toHaveProperty(['null_value']);
      expect(m).toMatchObject({
        string_value: 'value',
        int_value: 123,
        float_value: 456.78,
        bool_value: false,
        array_value: [12, 34, 56],
        map_value: { value1: -987.65, value2: true },
      });
    },
  },
  {
    go: 'TestSpanWithSingleDynamoDBTableHasTableName',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      attributes: { 'aws.dynamodb.table_names': ['table1'] },
      status: ERROR,
    }),
    asserts: (docs) => {
      expect(aws(one(docs)).table_name).toBe('table1');
      expect(aws(docs[0]!)).not.toHaveProperty('table_names');
      expect(meta(docs[0]!)['aws.dynamodb.table_names']).toStrictEqual(['table1']);
    },
  },
  {
    go: 'TestSpanWithMultipleDynamoDBTablesHasTableNames',
    span: goSpan(SpanKind.SERVER, '/api/locations', {
      attributes: { 'aws.dynamodb.table_names': ['table1', 'table2'] },
      status: ERROR,
    }),
    asserts: (docs) => {
      expect(aws(one(docs))).not.toHaveProperty('table_name');
      expect(aws(docs[0]!).table_names).toStrictEqual(['table1', 'table2']);
      expect(meta(docs[0]!)['aws.dynamodb.table_names']).toStrictEqual(['table1', 'table2']);
    },
  },
  {
    go: 'TestSegmentWithLogGroupsFromConfig',
    span: goSpan(SpanKind.SERVER, '/api/locations', { status: ERROR, events: sentEvent(START) }),
    options: { logGroupNames: ['my-logGroup-1'] },
    asserts: (docs) =>
      expect(aws(one(docs)).cloudwatch_logs).toStrictEqual([{ log_group: 'my-logGroup-1' }]),
  },
  {
    go: 'TestSegmentWith2LogGroupsFromConfig',
    span: goSpan(SpanKind.SERVER, '/api/locations', { status: ERROR, events: sentEvent(START) }),
    options: { logGroupNames: ['my-logGroup-1', 'my-logGroup-2'] },
    asserts: (docs) =>
      expect(aws(one(docs)).cloudwatch_logs).toStrictEqual([
        { log_group: 'my-logGroup-1' },
        { log_group: 'my-logGroup-2' },
      ]),
  },
  {
    go: 'TestClientSpanWithAwsRemoteServiceName',
    span: goSpan(SpanKind.CLIENT, 'ABC.payment', {
      attributes: { ...PAYMENT, 'aws.remote.service': 'PaymentService' },
    }),
    asserts: (docs) => {
      expect(one(docs)).toMatchObject({ name: 'PaymentService', type: 'subsegment' });
      expect(JSON.stringify(docs[0])).not.toContain('user');
    },
  },
  {
    go: 'TestAwsSdkSpanWithDeprecatedAwsRemoteServiceName',
    span: goSpan(SpanKind.CLIENT, 'DynamoDB.PutItem', {
      attributes: { ...AWS_SDK, 'aws.remote.service': 'AWS.SDK.DynamoDb' },
    }),
    asserts: (docs) => {
      expect(one(docs)).toMatchObject({ name: 'DynamoDb', type: 'subsegment' });
      expect(JSON.stringify(docs[0])).not.toContain('DynamoDb.PutItem');
      expect(JSON.stringify(docs[0])).not.toContain('user');
    },
  },
  {
    go: 'TestAwsSdkSpanWithAwsRemoteServiceName',
    span: goSpan(SpanKind.CLIENT, 'DynamoDB.PutItem', {
      attributes: { ...AWS_SDK, 'aws.remote.service': 'AWS::DynamoDB' },
    }),
    asserts: (docs) => {
      expect(one(docs)).toMatchObject({ name: 'DynamoDB', type: 'subsegment' });
      expect(JSON.stringify(docs[0])).toContain('DynamoDb');
      expect(JSON.stringify(docs[0])).not.toContain('DynamoDb.PutItem');
      expect(JSON.stringify(docs[0])).not.toContain('user');
    },
  },
  {
    go: 'TestProducerSpanWithAwsRemoteServiceName',
    span: goSpan(SpanKind.PRODUCER, 'ABC.payment', {
      attributes: { ...PAYMENT, 'aws.remote.service': 'ProducerService' },
    }),
    asserts: (docs) => {
      expect(one(docs)).toMatchObject({ name: 'ProducerService', type: 'subsegment' });
      expect(JSON.stringify(docs[0])).not.toContain('user');
    },
  },
  {
    // The Go test calls MakeSegmentDocumentString (no local-root split); the span is LOCAL_ROOT, so
    // translation splits it: the dependency subsegment carries the remote name.
    go: 'TestConsumerSpanWithAwsRemoteServiceName',
    span: goSpan(SpanKind.CONSUMER, 'ABC.payment', {
      attributes: { ...basicAttributes(), 'aws.remote.service': 'ConsumerService' },
    }),
    asserts: (docs) => {
      expect(JSON.stringify(docs[0])).toContain('ConsumerService');
      expect(JSON.stringify(docs)).not.toContain('user');
    },
  },
  {
    go: 'TestServerSpanWithAwsLocalServiceName',
    span: goSpan(SpanKind.SERVER, 'ABC.payment', {
      attributes: {
        ...PAYMENT,
        'aws.local.service': 'PaymentLocalService',
        'aws.remote.service': 'PaymentService',
      },
    }),
    asserts: (docs) => {
      expect(one(docs).name).toBe('PaymentLocalService');
      expect(JSON.stringify(docs[0])).not.toContain('user');
    },
  },
  // span_links_test.go
  {
    go: 'TestSpanLinkSimple (span_links_test.go)',
    span: goSpan(SpanKind.SERVER, 'ProcessingMessage', { links: [LINK] }),
    asserts: (docs) => {
      expect(one(docs).links).toStrictEqual([
        { id: '00000000000000b1', trace_id: '1-0000000a-000000000000000000000001' },
      ]);
      expect(JSON.stringify(docs[0])).not.toContain('"attributes"');
    },
  },
  {
    go: 'TestSpanLinkEmpty (span_links_test.go)',
    span: goSpan(SpanKind.SERVER, 'ProcessingMessage'),
    asserts: (docs) => expect(JSON.stringify(one(docs))).not.toContain('links'),
  },
  {
    go: 'TestOldSpanLinkError (span_links_test.go)',
    span: goSpan(SpanKind.SERVER, 'ProcessingMessage', { links: [LINK] }),
    options: EPOCH_CHECK,
    now: NOW_MS,
    deviation:
      'TRANSLATION.md deviation 8: a link whose trace-id timestamp X-Ray rejects is dropped ' +
      '(problem link-dropped); the collector fails the whole span',
    asserts: (docs) => expect(one(docs)).not.toHaveProperty('links'),
  },
  {
    go: 'TestTwoSpanLinks (span_links_test.go)',
    span: goSpan(SpanKind.SERVER, 'ProcessingMessage', {
      links: [
        makeLink('0000000a000000000000000000000001', '00000000000000b1', { myKey1: 'ABC' }),
        makeLink('0000000a000000000000000000000002', '00000000000000b2', { myKey2: 1234 }),
      ],
    }),
    asserts: (docs) =>
      expect(one(docs).links).toStrictEqual([
        {
          id: '00000000000000b1',
          trace_id: '1-0000000a-000000000000000000000001',
          attributes: { myKey1: 'ABC' },
        },
        {
          id: '00000000000000b2',
          trace_id: '1-0000000a-000000000000000000000002',
          attributes: { myKey2: 1234 },
        },
      ]),
  },
  {
    go: 'TestSpanLinkComplexAttributes (span_links_test.go)',
    span: goSpan(SpanKind.SERVER, 'ProcessingMessage', {
      links: [
        makeLink('0000000a000000000000000000000001', '00000000000000b1', {
          myKey1: 'myValue',
          myKey2: true,
          myKey3: 112233,
          myKey4: 3.1415,
          myKey5: ['apple', 'pear', 'banana'],
          myKey6: [true, false, false, true],
          myKey7: [1234, 5678, 9012],
          myKey8: [2.718, 1.618],
        }),
      ],
    }),
    asserts: (docs) =>
      expect((one(docs).links as Doc[])[0]!.attributes).toStrictEqual({
        myKey1: 'myValue',
        myKey2: true,
        myKey3: 112233,
        myKey4: 3.1415,
        myKey5: ['apple', 'pear', 'banana'],
        myKey6: [true, false, false, true],
        myKey7: [1234, 5678, 9012],
        myKey8: [2.718, 1.618],
      }),
  },
  // Application Signals (ADOT) spans: aws.span.kind and the aws.local/remote.* keys (§1.2).
  {
    go: 'TestLocalRootConsumer',
    span: goSpan(SpanKind.CONSUMER, 'destination operation', {
      attributes: basicAttributes(),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) => {
      expect(docs).toHaveLength(2);
      dependencySubsegment(docs[0]!, docs[1]!.id);
      expect(docs[0]).not.toHaveProperty('links');
      serviceSegment(docs[1]!);
      expect(docs[1]!.links).toHaveLength(1);
      sameTimes(docs);
    },
  },
  {
    go: 'TestNonLocalRootConsumerProcess',
    span: goSpan(SpanKind.CONSUMER, 'destination operation', {
      attributes: without(
        basicAttributes('Consumer'),
        'aws.remote.service',
        'aws.remote.operation',
      ),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    deviation:
      'TRANSLATION.md deviation 1 (the collector since PR #42633 / #47568): a CONSUMER span is a ' +
      'segment named like a SERVER span, not a subsegment named after the span',
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).not.toHaveProperty('type');
      expect(doc.name).toBe('myLocalService');
      expect(doc.links).toHaveLength(1);
      expect(notes(doc)).toStrictEqual({ myAnnotationKey: 'myAnnotationValue' });
      expect(aws(doc).operation).toBe('UpdateItem');
      expect(doc).not.toHaveProperty('namespace');
    },
  },
  {
    go: 'TestLocalRootConsumerAWSNamespace',
    span: goSpan(SpanKind.CONSUMER, 'destination receive', {
      attributes: { ...basicAttributes(), 'rpc.system': 'aws-api' },
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) => {
      expect(docs).toHaveLength(2);
      expect(docs[0]!.namespace).toBe('aws');
    },
  },
  {
    go: 'TestLocalRootClient',
    span: goSpan(SpanKind.CLIENT, 'SQS Get', {
      attributes: basicAttributes(),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) => {
      expect(docs).toHaveLength(2);
      dependencySubsegment(docs[0]!, docs[1]!.id);
      expect(docs[0]!.links).toHaveLength(1);
      serviceSegment(docs[1]!);
      expect(docs[1]).not.toHaveProperty('links');
      sameTimes(docs);
    },
  },
  {
    go: 'TestLocalRootClientAwsServiceMetrics',
    span: goSpan(SpanKind.CLIENT, 'SQS ReceiveMessage', {
      attributes: {
        ...basicAttributes(),
        'rpc.system': 'aws-api',
        'http.scheme': 'https',
        'rpc.service': 'SQS',
        'aws.remote.service': 'AWS.SDK.SQS',
      },
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) => {
      expect(docs).toHaveLength(2);
      expect(docs[0]).toMatchObject({ type: 'subsegment', name: 'SQS', namespace: 'aws' });
    },
  },
  {
    go: 'TestLocalRootProducer',
    span: goSpan(SpanKind.PRODUCER, 'destination operation', {
      attributes: basicAttributes(),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) => {
      expect(docs).toHaveLength(2);
      dependencySubsegment(docs[0]!, docs[1]!.id);
      expect(docs[0]!.links).toHaveLength(1);
      serviceSegment(docs[1]!);
      expect(docs[1]).not.toHaveProperty('links');
      sameTimes(docs);
    },
  },
  {
    go: 'TestLocalRootServer',
    span: goSpan(SpanKind.SERVER, 'MyService', {
      attributes: basicAttributes(),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    // 8 span keys + the 22 resource keys of getBasicResource() as otel.resource.*.
    asserts: (docs) => localRootSegment(one(docs), 30),
  },
  {
    go: 'TestLocalRootInternal',
    span: goSpan(SpanKind.INTERNAL, 'MyInternalService', {
      attributes: basicAttributes(),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    // An INTERNAL span with a parent is a subsegment in MakeSegment: no resource keys (§8).
    asserts: (docs) => localRootSegment(one(docs), 8),
  },
  {
    go: 'TestNotLocalRootInternal',
    span: goSpan(SpanKind.INTERNAL, 'MyService', {
      attributes: basicAttributes('Internal'),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) => {
      expect(one(docs)).toMatchObject({ type: 'subsegment', name: 'MyService' });
      expect(docs[0]).not.toHaveProperty('namespace');
    },
  },
  {
    go: 'TestNotLocalRootConsumer',
    span: goSpan(SpanKind.CONSUMER, 'MyService', {
      attributes: basicAttributes('Consumer'),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    deviation:
      'TRANSLATION.md deviation 1: a CONSUMER span with a parent is a segment named like a SERVER ' +
      'span (aws.local.service), not a remote subsegment named aws.remote.service',
    asserts: (docs) => {
      const doc = one(docs);
      expect(doc).not.toHaveProperty('type');
      expect(doc).not.toHaveProperty('namespace');
      expect(doc.name).toBe('myLocalService');
    },
  },
  {
    go: 'TestNotLocalRootClient',
    span: goSpan(SpanKind.CLIENT, 'MyService', {
      attributes: basicAttributes('Client'),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) =>
      expect(one(docs)).toMatchObject({
        type: 'subsegment',
        namespace: 'remote',
        name: 'myRemoteService',
      }),
  },
  {
    go: 'TestNotLocalRootProducer',
    span: goSpan(SpanKind.PRODUCER, 'MyService', {
      attributes: basicAttributes('Producer'),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) =>
      expect(one(docs)).toMatchObject({
        type: 'subsegment',
        namespace: 'remote',
        name: 'myRemoteService',
      }),
  },
  {
    go: 'TestNotLocalRootServer',
    span: goSpan(SpanKind.SERVER, 'MyInternalService', {
      attributes: without(basicAttributes('Server'), 'aws.remote.service', 'aws.remote.operation'),
      links: [LINK],
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS,
    asserts: (docs) => {
      expect(one(docs).name).toBe('myLocalService');
      expect(docs[0]).not.toHaveProperty('type');
      expect(docs[0]).not.toHaveProperty('namespace');
    },
  },
  {
    go: 'TestLocalRootServer (allowDot gate on, the default)',
    span: goSpan(SpanKind.SERVER, 'MyService', {
      attributes: basicAttributes(),
      resource: BASIC_RESOURCE,
    }),
    options: APP_SIGNALS_DOT,
    asserts: (docs) =>
      expect(notes(one(docs))).toStrictEqual({
        'aws.remote.service': 'myRemoteService',
        myAnnotationKey: 'myAnnotationValue',
      }),
  },
];

/** The rows of segment_test.go and span_links_test.go. */
export const segmentFile: GoFile = { file: 'segment_test.go, span_links_test.go', vectors };
