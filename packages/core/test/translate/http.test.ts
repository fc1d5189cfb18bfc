import { SpanKind } from '@opentelemetry/api';
import { describe, it } from 'vitest';
import type { Case } from './table.ts';
import { check, PARENT, seg, sub } from './table.ts';

const response0 = { content_length: 0 };

const http: Case[] = [
  {
    rule: '§4 SERVER, old keys: scheme://host + target',
    span: {
      kind: SpanKind.SERVER,
      attributes: {
        'http.method': 'GET',
        'http.scheme': 'https',
        'http.host': 'shop.example.com',
        'http.target': '/orders?id=1',
        'http.status_code': 200,
        'http.user_agent': 'curl/8',
      },
    },
    expected: [
      seg({
        name: 'shop.example.com', // §2 rule 9 (no service.name on this resource)
        http: {
          request: {
            method: 'GET',
            url: 'https://shop.example.com/orders?id=1',
            user_agent: 'curl/8',
          },
          response: { status: 200, content_length: 0 },
        },
      }),
    ],
  },
  {
    rule: '§4 SERVER, stable keys: url.scheme + server.address:server.port + url.path + url.query',
    span: {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': 'POST',
        'url.scheme': 'http',
        'server.address': 'localhost',
        'server.port': 3000,
        'url.path': '/orders',
        'url.query': 'dry=1',
        'http.response.status_code': 201,
        'user_agent.original': 'node',
      },
    },
    expected: [
      seg({
        http: {
          request: {
            method: 'POST',
            url: 'http://localhost:3000/orders?dry=1',
            user_agent: 'node',
          },
          response: { status: 201, content_length: 0 },
        },
      }),
    ],
  },
  {
    rule: '§4 SERVER: net.host.port is used with http.server_name; port 80 is omitted for http',
    span: {
      kind: SpanKind.SERVER,
      attributes: { 'http.server_name': 'api', 'net.host.port': 80, 'http.target': '/' },
    },
    expected: [seg({ http: { request: { url: 'http://api/' }, response: response0 } })],
  },
  {
    rule: '§4 SERVER: a url.query that starts with ? is not doubled',
    span: {
      kind: SpanKind.SERVER,
      attributes: {
        'host.name': 'h',
        'url.path': '/api',
        'url.query': '?version=test',
        'http.method': 'GET',
      },
    },
    expected: [
      seg({
        http: { request: { method: 'GET', url: 'http://h/api?version=test' }, response: response0 },
      }),
    ],
  },
  {
    rule: '§4 CLIENT: http.url is used verbatim',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      name: 'GET',
      attributes: { 'http.method': 'GET', 'http.url': 'https://api.example.com:443/users?x=1' },
    },
    expected: [
      sub({
        name: 'GET',
        namespace: 'remote',
        http: {
          request: { method: 'GET', url: 'https://api.example.com:443/users?x=1' },
          response: response0,
        },
      }),
    ],
  },
  {
    rule: '§4 CLIENT: net.peer.name + net.peer.port (443 omitted for https)',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'http.scheme': 'https',
        'net.peer.name': 'api',
        'net.peer.port': 443,
        'http.target': '/x',
      },
    },
    expected: [
      sub({
        name: 'api',
        namespace: 'remote',
        http: { request: { url: 'https://api/x' }, response: response0 },
      }),
    ],
  },
  {
    rule: '§4 CLIENT / §13.8: IPv6 hosts are not bracketed',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'http.scheme': 'https',
        'net.peer.ip': '2001:db8:85a3::8a2e:370:7334',
        'http.target': '/users/junit',
      },
    },
    expected: [
      sub({
        namespace: 'remote',
        http: {
          request: {
            url: 'https://2001:db8:85a3::8a2e:370:7334/users/junit',
            client_ip: '2001:db8:85a3::8a2e:370:7334',
          },
          response: response0,
        },
      }),
    ],
  },
  {
    rule: '§4 CLIENT / §13.8: server.port is ignored in client URLs',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'http.request.method': 'GET',
        'server.address': 'svc',
        'server.port': 8080,
        'url.path': '/a',
      },
    },
    expected: [
      sub({
        name: 'svc',
        namespace: 'remote',
        http: { request: { method: 'GET', url: 'http://svc/a' }, response: response0 },
      }),
    ],
  },
  {
    rule: '§4 x_forwarded_for: a client ip without a peer address was forwarded',
    span: {
      kind: SpanKind.SERVER,
      attributes: { 'http.method': 'GET', 'http.client_ip': '203.0.113.9' },
    },
    expected: [
      seg({
        http: {
          request: { x_forwarded_for: true, method: 'GET', client_ip: '203.0.113.9' },
          response: response0,
        },
      }),
    ],
  },
  {
    rule: '§4 x_forwarded_for: absent when net.peer.ip is set (and http.client_ip overwrites it)',
    span: {
      kind: SpanKind.SERVER,
      attributes: {
        'net.peer.ip': '10.0.0.2',
        'http.client_ip': '203.0.113.9',
        'http.method': 'GET',
      },
    },
    expected: [
      seg({
        http: {
          request: { method: 'GET', url: 'http:///', client_ip: '203.0.113.9' },
          response: response0,
        },
      }),
    ],
  },
  {
    rule: '§4 network.peer.address that is an IP gives client_ip and counts as the peer',
    span: {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': 'GET',
        'network.peer.address': '10.1.2.3',
        'url.path': '/p',
      },
    },
    expected: [
      seg({
        http: {
          request: { method: 'GET', url: 'http:///p', client_ip: '10.1.2.3' },
          response: response0,
        },
      }),
    ],
  },
  {
    rule: '§4 client.address is used only when it is an IP; consumed either way (§13.6)',
    span: {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': 'GET', 'client.address': 'proxy.local' },
    },
    expected: [seg({ http: { request: { method: 'GET' }, response: response0 } })],
  },
  {
    rule: '§4 client.address that is an IP overwrites client_ip (forwarded)',
    span: {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': 'GET', 'client.address': '198.51.100.7' },
    },
    expected: [
      seg({
        http: {
          request: { x_forwarded_for: true, method: 'GET', client_ip: '198.51.100.7' },
          response: response0,
        },
      }),
    ],
  },
  {
    rule: '§4 a string status code reads as 0',
    span: { kind: SpanKind.SERVER, attributes: { 'http.status_code': '200' } },
    expected: [seg({ http: { request: {}, response: { status: 0, content_length: 0 } } })],
  },
  {
    rule: '§4 content_length from a RECEIVED message event',
    span: {
      kind: SpanKind.SERVER,
      attributes: { 'http.method': 'GET' },
      events: [
        {
          name: 'message',
          time: [1700000000, 0],
          attributes: { 'message.type': 'SENT', 'messaging.message_payload_size_bytes': 5 },
        },
        {
          name: 'message',
          time: [1700000000, 0],
          attributes: { 'message.type': 'RECEIVED', 'messaging.message_payload_size_bytes': 42 },
        },
      ],
    },
    expected: [seg({ http: { request: { method: 'GET' }, response: { content_length: 42 } } })],
  },
  {
    rule: '§4 extension: content_length from http.response.body.size',
    span: {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': 'GET', 'http.response.body.size': 512 },
    },
    expected: [
      seg({
        http: { request: { method: 'GET' }, response: { content_length: 512 } },
        metadata: { default: { 'http.response.body.size': 512 } },
      }),
    ],
  },
  {
    rule: '§4 / §13.6: consumed net.* keys vanish from a span with no http block',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      attributes: {
        'db.system': 'redis',
        'net.peer.port': 6379,
        'server.port': 6379,
        'host.name': 'h',
      },
    },
    expected: [
      sub({
        name: 'test-span',
        namespace: 'remote',
        metadata: { default: { 'db.system': 'redis' } },
      }),
    ],
  },
  {
    rule: '§4 url.full on an SQS span makes an http block (collector) and the queue URL (extension)',
    span: {
      kind: SpanKind.PRODUCER,
      parentSpanId: PARENT,
      name: 'orders send',
      attributes: {
        'rpc.system': 'aws-api',
        'rpc.service': 'SQS',
        'rpc.method': 'SendMessage',
        'messaging.system': 'aws_sqs',
        'messaging.destination.name': 'orders',
        'url.full': 'http://127.0.0.1:4566/000000000000/orders',
        'http.response.status_code': 200,
      },
    },
    expected: [
      sub({
        name: 'SQS',
        namespace: 'aws',
        http: {
          request: { url: 'http://127.0.0.1:4566/000000000000/orders' },
          response: { status: 200, content_length: 0 },
        },
        aws: {
          xray: { auto_instrumentation: false },
          operation: 'SendMessage',
          queue_url: 'http://127.0.0.1:4566/000000000000/orders',
          queue_name: 'orders',
        },
        metadata: {
          default: {
            'rpc.system': 'aws-api',
            'rpc.service': 'SQS',
            'messaging.system': 'aws_sqs',
            'messaging.destination.name': 'orders',
          },
        },
      }),
    ],
  },
  {
    rule: '§4 request fields longer than 250 characters are cut (schema limit)',
    span: {
      kind: SpanKind.CLIENT,
      parentSpanId: PARENT,
      name: 'GET',
      attributes: { 'http.url': `http://h/${'p'.repeat(300)}` },
    },
    expected: [
      sub({
        name: 'GET',
        namespace: 'remote',
        http: { request: { url: `http://h/${'p'.repeat(241)}` }, response: response0 },
      }),
    ],
  },
];

describe('toSegmentDocuments', () => {
  describe('http block (§4)', () => {
    it.each(http)('$rule', (row) => check(row));
  });
});
