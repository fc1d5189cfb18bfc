import { SpanStatusCode } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { translateSpan } from '@otel-xray/core';
import type { TranslateOptions } from '@otel-xray/core';
import { exceptionEvent, makeLink, makeSpan } from '../support/span-factory.ts';
import { schemaErrors } from '../support/segment-schema.ts';
import { wire } from './table.ts';
import { seededRandom as prng } from '../support/seeded-random.ts';

const VALUES: unknown[] = [
  '',
  'x',
  'GET',
  '10.0.0.1',
  '2001:db8::1',
  'https://h:8443/p?q=1',
  'jdbc:postgresql://db:5432',
  'AWS::SQS',
  'AWS.SDK.S3',
  'aws-api',
  'LOCAL_ROOT',
  'postgresql',
  'redis',
  '{"k":[1,2]}',
  '<bad>,name(1)*?',
  'ö🙂 naïve',
  'y'.repeat(300),
  0,
  80,
  429,
  503,
  -1,
  1.5,
  true,
  false,
  ['a', 'b'],
  [1, 2],
];
const KEYS = [
  'http.method',
  'http.request.method',
  'http.status_code',
  'http.response.status_code',
  'http.url',
  'url.full',
  'url.scheme',
  'url.path',
  'url.query',
  'http.host',
  'http.target',
  'http.client_ip',
  'client.address',
  'network.peer.address',
  'net.peer.ip',
  'net.peer.name',
  'net.peer.port',
  'server.address',
  'server.port',
  'host.name',
  'http.user_agent',
  'rpc.system',
  'rpc.service',
  'rpc.method',
  'aws.operation',
  'aws.region',
  'aws.request_id',
  'aws.queue_url',
  'messaging.url',
  'messaging.system',
  'messaging.destination.name',
  'aws.dynamodb.table_names',
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
  'db.statement',
  'db.user',
  'db.connection_string',
  'peer.service',
  'aws.service',
  'aws.local.service',
  'aws.remote.service',
  'aws.span.kind',
  'enduser.id',
  'aws.xray.annotations',
  'aws.xray.metadata.ns',
  'aws.xray.metadata.default',
  'http.status_text',
  'aws.account_id',
  'custom.key',
  'weird key!',
  'ключ',
];
const RESOURCE_KEYS = [
  'service.name',
  'service.version',
  'cloud.provider',
  'cloud.platform',
  'aws.ecs.launchtype',
  'host.id',
  'k8s.cluster.name',
  'telemetry.sdk.language',
  'telemetry.sdk.name',
  'aws.log.group.names',
  'service.instance.id',
  'container.image.tag',
];
const PLATFORMS = ['aws_ec2', 'aws_ecs', 'aws_eks', 'aws_elastic_beanstalk', 'aws_lambda', 'gcp_x'];
const LANGUAGES = ['nodejs', 'java', 'python', 'dotnet', 'go', 'php', 'rust'];
const STACK =
  'Error: x\n    at f (/a.js:1:2)\n    at new C (file:///C:/app/st%C3%B6ck.ts:12:9)\n    at async Promise.all (index 0)\n' +
  '\tat a.B.c(B.java:3)\nCaused by: E: m\n  File "/p.py", line 3, in g\n   at N.M() in /x.cs:line 4\nmain.f()\n\t/m.go:7 +0x1';

describe('toSegmentDocuments', () => {
  describe('random spans', () => {
    it('never throws and every document it produces is valid against the X-Ray schema', () => {
      const random = prng(20261125);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      let documents = 0;
      for (let i = 0; i < 400; i++) {
        const attributes: Attributes = {};
        for (let k = 0, n = Math.floor(random() * 14); k < n; k++) {
          const key = pick(KEYS);
          attributes[key] =
            key === 'aws.xray.annotations' ? ['custom.key', 'weird key!'] : pick(VALUES);
        }
        const resource: Attributes = {};
        for (let k = 0, n = Math.floor(random() * 6); k < n; k++)
          resource[pick(RESOURCE_KEYS)] = pick(VALUES);
        if (random() < 0.4) resource['cloud.platform'] = pick(PLATFORMS);
        resource['telemetry.sdk.language'] = pick(LANGUAGES);
        const options: TranslateOptions = pick([
          {},
          { indexAllAttributes: true },
          {
            indexedAttributes: [
              'custom.key',
              'http.method',
              'otel.resource.service.name',
              'weird key!',
            ],
          },
          { logGroupNames: ['/a', ''] },
        ]);
        const span = makeSpan({
          name: pick(VALUES.filter((v): v is string => typeof v === 'string')),
          kind: Math.floor(random() * 5),
          parentSpanId: random() < 0.6 ? 'def5f36c82bfb98a' : undefined,
          status: {
            code: pick([SpanStatusCode.UNSET, SpanStatusCode.OK, SpanStatusCode.ERROR]),
            message: pick(['', 'boom']),
          },
          attributes,
          resourceAttributes: resource,
          events: random() < 0.3 ? [exceptionEvent(pick(['Error', '']), 'm', STACK)] : [],
          links:
            random() < 0.2
              ? [makeLink('0000000100000000000000000000000a', '1111111111111111', { a: 1 })]
              : [],
        });
        const result = translateSpan(span, options);
        for (const doc of result.documents) {
          documents++;
          expect(schemaErrors(wire(doc)), JSON.stringify({ attributes, resource, doc })).toEqual(
            [],
          );
        }
        expect(result.documents.length).toBeGreaterThan(0);
      }
      expect(documents).toBeGreaterThanOrEqual(400);
    });
  });
});
