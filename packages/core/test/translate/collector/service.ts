// service_test.go of the collector's translator (makeService: the `service` block from the resource),
// restated as data: each row translates a SERVER span with the Go test's resource and checks its
// assertions on our `service` block — re-expressed, not copied.
import { SpanKind } from '@opentelemetry/api';
import { expect } from 'vitest';
import type { Doc, GoFile, Vector } from './support.ts';
import { DEFAULT_RESOURCE, EMPTY_RESOURCE, goSpan, one } from './support.ts';

function row(go: string, resource: Doc, check: (doc: Doc) => void): Vector {
  return {
    go,
    span: goSpan(SpanKind.SERVER, '/service', { resource }),
    asserts: (docs) => check(one(docs)),
  };
}

const { 'service.version': _version, ...NO_VERSION } = DEFAULT_RESOURCE;

const vectors: Vector[] = [
  row('TestServiceFromResource', DEFAULT_RESOURCE, (doc) =>
    expect(JSON.stringify(doc.service)).toContain('semver:1.1.4'),
  ),
  // Without service.version the container image tag is the version.
  row('TestServiceFromResourceWithNoServiceVersion', NO_VERSION, (doc) =>
    expect(JSON.stringify(doc.service)).toContain('v1'),
  ),
  row('TestServiceFromNullResource', EMPTY_RESOURCE, (doc) =>
    expect(doc).not.toHaveProperty('service'),
  ),
];

/** The rows of service_test.go. */
export const serviceFile: GoFile = { file: 'service_test.go', vectors };
