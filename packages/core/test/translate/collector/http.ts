// http_test.go of the collector's translator (makeHTTP: the `http` block from old and stable HTTP
// semantic conventions), restated as data: each row translates the Go test's CLIENT or SERVER span
// and checks its assertions on our `http` block — re-expressed, not copied.
import { SpanKind } from '@opentelemetry/api';
import type { HrTime } from '@opentelemetry/api';
import { expect } from 'vitest';
import type { SpanInit } from '../../support/span-factory.ts';
import type { Doc, GoFile, Vector } from './support.ts';
import { goSpan, one } from './support.ts';

const URL = 'https://api.example.com/users/junit';
const END: HrTime = [1700000001, 500000000];

// constructTimedEventsWithReceivedMessageEvent(): an inbound message of 12452 bytes.
const RECEIVED: SpanInit['events'] = [
  {
    name: '',
    time: END,
    attributes: {
      'message.type': 'RECEIVED',
      'messaging.message.id': 1,
      'messaging.message_payload_compressed_size_bytes': 6478,
      'messaging.message_payload_size_bytes': 12452,
    },
    droppedAttributesCount: 0,
  },
];

interface Http {
  request: Doc;
  response: Doc;
}

function httpOf(docs: Doc[]): Http {
  const http = (one(docs).http ?? {}) as Partial<Http>;
  return { request: http.request ?? {}, response: http.response ?? {} };
}

/** A row: the `http` block of constructHTTPClientSpan / constructHTTPServerSpan (name /users/junit). */
function row(
  go: string,
  kind: SpanKind,
  attributes: Record<string, unknown>,
  check: (http: Http) => void,
  events?: SpanInit['events'],
): Vector {
  return {
    go,
    span: goSpan(kind, '/users/junit', { raw: attributes, ...(events ? { events } : {}) }),
    asserts: (docs) => check(httpOf(docs)),
  };
}

function urlContains(text: string): (http: Http) => void {
  return (http) => expect(JSON.stringify(http)).toContain(text);
}

// TestSpanWithNotEnoughHTTPRequestURLAttributes*: no URL can be built; the other fields are kept.
function notEnough(http: Http): void {
  expect(http.request).not.toHaveProperty('url');
  expect(http.request).toMatchObject({
    client_ip: '192.168.15.32',
    method: 'GET',
    user_agent: 'PostmanRuntime/7.21.0',
  });
  expect(http.response).toMatchObject({ content_length: 12452, status: 200 });
}

const OLD_NOT_ENOUGH = {
  'http.method': 'GET',
  'http.scheme': 'http',
  'http.client_ip': '192.168.15.32',
  'http.user_agent': 'PostmanRuntime/7.21.0',
  'http.target': '/users/junit',
  'net.host.port': 443,
  'net.peer.port': 8080,
  'http.status_code': 200,
};
const STABLE_NOT_ENOUGH = {
  'http.request.method': 'GET',
  'url.scheme': 'http',
  'client.address': '192.168.15.32',
  'user_agent.original': 'PostmanRuntime/7.21.0',
  'url.path': '/users/junit',
  'server.port': 443,
  'http.response.status_code': 200,
};

const { CLIENT, SERVER } = SpanKind;

const vectors: Vector[] = [
  row(
    'TestClientSpanWithURLAttribute',
    CLIENT,
    { 'http.method': 'GET', 'http.url': URL, 'http.status_code': 200 },
    urlContains(URL),
  ),
  row(
    'TestClientSpanWithURLAttributeStable',
    CLIENT,
    { 'http.request.method': 'GET', 'url.full': URL, 'http.response.status_code': 200 },
    urlContains(URL),
  ),
  row(
    'TestClientSpanWithSchemeHostTargetAttributes',
    CLIENT,
    {
      'http.method': 'GET',
      'http.scheme': 'https',
      'http.host': 'api.example.com',
      'http.target': '/users/junit',
      'http.status_code': 200,
      'user.id': 'junit',
    },
    urlContains(URL),
  ),
  row(
    'TestClientSpanWithSchemeHostTargetAttributesStable',
    CLIENT,
    {
      'http.request.method': 'GET',
      'url.scheme': 'https',
      'http.host': 'api.example.com',
      'url.path': '/users/junit',
      'url.query': 'v=1',
      'http.response.status_code': 200,
      'user.id': 'junit',
    },
    urlContains(`${URL}?v=1`),
  ),
  row(
    'TestClientSpanWithPeerAttributes',
    CLIENT,
    {
      'http.method': 'GET',
      'http.scheme': 'http',
      'net.peer.name': 'kb234.example.com',
      'net.peer.port': 8080,
      'net.peer.ip': '10.8.17.36',
      'http.target': '/users/junit',
      'http.status_code': 200,
    },
    (http) => {
      expect(http.request.client_ip).toBe('10.8.17.36');
      expect(http.request.url).toBe('http://kb234.example.com:8080/users/junit');
    },
  ),
  row(
    'TestClientSpanWithPeerAttributesStable',
    CLIENT,
    {
      'http.request.method': 'GET',
      'url.scheme': 'http',
      'net.peer.name': 'kb234.example.com',
      'net.peer.port': 8080,
      'net.peer.ip': '10.8.17.36',
      'url.query': 'users=junit',
      'http.response.status_code': 200,
    },
    (http) => {
      expect(http.request.client_ip).toBe('10.8.17.36');
      expect(http.request.url).toBe('http://kb234.example.com:8080/?users=junit');
    },
  ),
  row(
    'TestClientSpanWithHttpPeerAttributes',
    CLIENT,
    { 'http.client_ip': '1.2.3.4', 'net.peer.ip': '10.8.17.36' },
    (http) => expect(http.request.client_ip).toBe('1.2.3.4'),
  ),
  row(
    'TestClientSpanWithHttpPeerAttributesStable',
    CLIENT,
    { 'url.full': URL, 'client.address': '1.2.3.4', 'network.peer.address': '10.8.17.36' },
    (http) => expect(http.request.client_ip).toBe('1.2.3.4'),
  ),
  row(
    'TestClientSpanWithPeerIp4Attributes',
    CLIENT,
    {
      'http.method': 'GET',
      'http.scheme': 'http',
      'net.peer.ip': '10.8.17.36',
      'net.peer.port': '8080',
      'http.target': '/users/junit',
    },
    urlContains('http://10.8.17.36:8080/users/junit'),
  ),
  row(
    'TestClientSpanWithPeerIp6Attributes',
    CLIENT,
    {
      'http.method': 'GET',
      'http.scheme': 'https',
      'net.peer.ip': '2001:db8:85a3::8a2e:370:7334',
      'net.peer.port': '443',
      'http.target': '/users/junit',
    },
    urlContains('https://2001:db8:85a3::8a2e:370:7334/users/junit'),
  ),
  row(
    'TestServerSpanWithURLAttribute',
    SERVER,
    {
      'http.method': 'GET',
      'http.url': URL,
      'http.client_ip': '192.168.15.32',
      'http.user_agent': 'PostmanRuntime/7.21.0',
      'http.status_code': 200,
    },
    urlContains(URL),
  ),
  row(
    'TestServerSpanWithURLAttributeStable',
    SERVER,
    {
      'http.request.method': 'GET',
      'url.full': URL,
      'client.address': '192.168.15.32',
      'user_agent.original': 'PostmanRuntime/7.21.0',
      'http.response.status_code': 200,
    },
    urlContains(URL),
  ),
  row(
    'TestServerSpanWithSchemeHostTargetAttributes',
    SERVER,
    {
      'http.method': 'GET',
      'http.scheme': 'https',
      'http.host': 'api.example.com',
      'http.target': '/users/junit',
      'http.client_ip': '192.168.15.32',
      'http.status_code': 200,
    },
    urlContains(URL),
  ),
  row(
    'TestServerSpanWithSchemeHostTargetAttributesStable',
    SERVER,
    {
      'http.request.method': 'GET',
      'url.scheme': 'https',
      'server.address': 'api.example.com',
      'url.path': '/users/junit',
      'client.address': '192.168.15.32',
      'http.response.status_code': 200,
    },
    urlContains(URL),
  ),
  row(
    'TestServerSpanWithNewConventionsWithURLPath',
    SERVER,
    {
      'http.request.method': 'GET',
      'server.address': 'localhost',
      'url.scheme': 'http',
      'url.query': '?version=test',
      'url.path': '/api',
      'client.address': '127.0.0.1',
      'http.response.status_code': 200,
    },
    urlContains('http://localhost/api?version=test'),
  ),
  row(
    'TestServerSpanWithSchemeServernamePortTargetAttributes',
    SERVER,
    {
      'http.method': 'GET',
      'http.scheme': 'https',
      'http.server_name': 'api.example.com',
      'net.host.port': 443,
      'http.target': '/users/junit',
      'http.client_ip': '192.168.15.32',
      'http.status_code': 200,
    },
    urlContains(URL),
  ),
  row(
    'TestServerSpanWithSchemeServernamePortTargetAttributesStable',
    SERVER,
    {
      'http.request.method': 'GET',
      'url.scheme': 'https',
      'server.address': 'api.example.com',
      'server.port': 443,
      'url.query': 'users=junit',
      'client.address': '192.168.15.32',
      'http.response.status_code': 200,
    },
    urlContains('https://api.example.com/?users=junit'),
  ),
  row(
    'TestServerSpanWithSchemeNamePortTargetAttributes',
    SERVER,
    {
      'http.method': 'GET',
      'http.scheme': 'http',
      'host.name': 'kb234.example.com',
      'net.host.port': 8080,
      'http.target': '/users/junit',
      'http.client_ip': '192.168.15.32',
      'http.status_code': 200,
    },
    urlContains('http://kb234.example.com:8080/users/junit'),
    RECEIVED,
  ),
  row(
    'TestServerSpanWithSchemeNamePortTargetAttributesStable',
    SERVER,
    {
      'http.request.method': 'GET',
      'url.scheme': 'http',
      'server.address': 'kb234.example.com',
      'server.port': 8080,
      'url.path': '/users/junit',
      'client.address': '192.168.15.32',
      'http.response.status_code': 200,
    },
    urlContains('http://kb234.example.com:8080/users/junit'),
    RECEIVED,
  ),
  row('TestSpanWithNotEnoughHTTPRequestURLAttributes', SERVER, OLD_NOT_ENOUGH, notEnough, RECEIVED),
  row(
    'TestSpanWithNotEnoughHTTPRequestURLAttributesStable',
    SERVER,
    STABLE_NOT_ENOUGH,
    notEnough,
    RECEIVED,
  ),
  row(
    'TestSpanWithNotEnoughHTTPRequestURLAttributesDuplicated',
    SERVER,
    { ...OLD_NOT_ENOUGH, ...STABLE_NOT_ENOUGH },
    notEnough,
    RECEIVED,
  ),
  row(
    'TestSpanWithClientAddrWithoutNetworkPeerAddr',
    SERVER,
    { 'url.full': URL, 'client.address': '192.168.15.32' },
    (http) => expect(http.request.x_forwarded_for).toBe(true),
  ),
  row(
    'TestSpanWithClientAddrAndNetworkPeerAddr',
    SERVER,
    {
      'url.full': URL,
      'client.address': '192.168.15.32',
      'network.peer.address': '192.168.15.32',
    },
    (http) => {
      expect(http.request.client_ip).toBe('192.168.15.32');
      expect(http.request).not.toHaveProperty('x_forwarded_for');
    },
  ),
  row(
    'TestSpanWithClientAddrNotIP',
    SERVER,
    {
      'url.full': URL,
      'client.address': 'api.example.com',
      'network.peer.address': 'api.example.com',
    },
    (http) => {
      expect(http.request).not.toHaveProperty('client_ip');
      expect(http.request).not.toHaveProperty('x_forwarded_for');
    },
  ),
];

/** The rows of http_test.go. */
export const httpFile: GoFile = { file: 'http_test.go', vectors };
