// Seeded generators of bad daemon datagrams and bad HTTP requests for the fuzz test.
import { gzipSync } from 'node:zlib';
export { seededRandom as prng } from '../../../core/test/support/seeded-random.ts';

const HEADER = '{"format":"json","version":1}\n';
const T = '1-5759e988-bd862e3fe1be46a994272793';
const GOOD = { name: 'svc', id: '70de5b6f19ff9a0a', trace_id: T, start_time: 1, end_time: 2 };
const WRONG_VALUES: unknown[] = [
  null,
  1,
  -1,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  true,
  [],
  {},
  [1, 2],
  { a: 1 },
  'ZZZZ',
  '1-zz',
  'é'.repeat(300),
];
const FIELDS = [
  'name',
  'id',
  'trace_id',
  'start_time',
  'end_time',
  'in_progress',
  'parent_id',
  'type',
  'http',
  'aws',
  'annotations',
  'subsegments',
  'cause',
  'fault',
  'namespace',
  'metadata',
  'user',
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** A document that X-Ray must refuse (wrong types, missing fields, bad IDs…). */
export function badDocument(r: () => number): string {
  const kind = Math.floor(r() * 9);
  const doc: Record<string, unknown> = { ...GOOD };
  switch (kind) {
    case 0:
      delete doc[pick(r, ['name', 'id', 'trace_id', 'start_time'])];
      return JSON.stringify(doc);
    case 1:
      doc.end_time = undefined;
      return JSON.stringify(doc);
    case 2: {
      let nested = '{}';
      const depth = 70 + Math.floor(r() * 200);
      for (let i = 0; i < depth; i++)
        nested = `{"name":"s","id":"70de5b6f19ff9a0a","start_time":1,"end_time":2,"subsegments":[${nested}]}`;
      return JSON.stringify({ ...GOOD, subsegments: [] }).replace(
        '"subsegments":[]',
        `"subsegments":[${nested}]`,
      );
    }
    case 3:
      return JSON.stringify({ ...GOOD, metadata: { default: { big: 'x'.repeat(65_536) } } });
    case 4:
      return JSON.stringify(doc).slice(0, Math.floor(r() * 40));
    case 5:
      return pick(r, [
        '[]',
        'null',
        '42',
        '"str"',
        '{',
        '}',
        '[[[[[[[[[[',
        'true',
        '{"a":}',
        '\u0000\u0001',
      ]);
    case 6:
      doc.type = 'subsegment';
      return JSON.stringify(doc);
    default: {
      const field = pick(r, FIELDS);
      const value = pick(r, WRONG_VALUES);
      doc[field] = field === 'in_progress' && value === true ? 'yes' : value;
      if (
        field === 'metadata' ||
        field === 'annotations' ||
        field === 'http' ||
        field === 'aws' ||
        field === 'subsegments' ||
        field === 'cause'
      ) {
        doc[field] = pick(r, [1, 'x', [1], true]);
      }
      if (field === 'end_time' && typeof value === 'number' && value >= 1) doc.end_time = 0.5;
      if (field === 'user' || field === 'namespace' || field === 'fault' || field === 'parent_id')
        doc[field] = pick(r, [1, [], {}]);
      if (
        field === 'name' &&
        typeof doc.name === 'string' &&
        doc.name.length > 0 &&
        doc.name.length < 200
      )
        doc.name = 'bad;name';
      if (field === 'type' && doc.type === 'x') doc.type = 'segment';
      if (field === 'in_progress' && doc.in_progress === false) doc.in_progress = 1;
      if (field === 'start_time' && typeof doc.start_time === 'number' && doc.start_time >= 0)
        doc.start_time = 'now';
      if (field === 'id' && doc.id === '') doc.id = 'XYZ';
      return JSON.stringify(doc);
    }
  }
}

/** A datagram the server must count as rejected or refuse at validation. */
export function badDatagram(r: () => number): Buffer {
  const kind = Math.floor(r() * 6);
  if (kind === 0) {
    const bytes = Buffer.alloc(1 + Math.floor(r() * 300));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
    return bytes;
  }
  if (kind === 1) return Buffer.from(JSON.stringify(GOOD));
  if (kind === 2)
    return Buffer.from(
      `${pick(r, ['{"format":"json","version":2}', '{"format":"xml","version":1}', 'nope', '{}', '', 'null'])}\n${JSON.stringify(GOOD)}`,
    );
  if (kind === 3) return Buffer.from(HEADER);
  return Buffer.from(HEADER + badDocument(r).slice(0, 60_000));
}

/** A bad HTTP request: path, body, headers. */
export function badRequest(r: () => number): {
  path: string;
  body: Buffer;
  headers: Record<string, string>;
} {
  const paths = [
    '/TraceSegments',
    '/Traces',
    '/TraceSummaries',
    '/ServiceGraph',
    '/TraceGraph',
    '/TimeSeriesServiceStatistics',
    '/CreateGroup',
    '/GetGroup',
    '/UpdateGroup',
    '/DeleteGroup',
    '/Groups',
    '/CreateSamplingRule',
    '/UpdateSamplingRule',
    '/DeleteSamplingRule',
    '/GetSamplingRules',
    '/SamplingTargets',
    '/SamplingStatisticSummaries',
    '/PutEncryptionConfig',
    '/TagResource',
    '/UntagResource',
    '/ListTagsForResource',
    '/UpdateTraceSegmentDestination',
    '/UpdateIndexingRule',
    '/TelemetryRecords',
    '/v1/traces',
    '/v1/logs',
    '/nope',
    '/../etc/passwd',
    '/%ff',
  ];
  const path = pick(r, paths);
  const members = [
    'TraceSegmentDocuments',
    'TraceIds',
    'StartTime',
    'EndTime',
    'FilterExpression',
    'NextToken',
    'GroupName',
    'GroupARN',
    'SamplingRule',
    'SamplingRuleUpdate',
    'SamplingStatisticsDocuments',
    'RuleName',
    'Type',
    'ResourceARN',
    'Tags',
    'TagKeys',
    'Period',
    'EntitySelectorExpression',
    'TimeRangeType',
    'Destination',
    'Rule',
    'Name',
    'TelemetryRecords',
  ];
  const kind = Math.floor(r() * 6);
  let body: Buffer;
  if (kind === 0) body = Buffer.from(pick(r, ['{', '[]', 'null', '"x"', '1', '{"a":', '\u0000']));
  else if (kind === 1) {
    const b: Record<string, unknown> = {};
    for (let i = 0; i < 1 + r() * 4; i++)
      b[pick(r, members)] = pick(r, [
        ...WRONG_VALUES,
        [badDocument(r)],
        ['1-5759e988-bd862e3fe1be46a994272793'],
        'service("',
        'annotation.x = ',
        { RuleName: 1 },
        [{ RuleName: 'x' }],
        1e12,
        -5,
      ]);
    body = Buffer.from(JSON.stringify(b));
  } else if (kind === 2) {
    body = Buffer.alloc(Math.floor(r() * 2000));
    for (let i = 0; i < body.length; i++) body[i] = Math.floor(r() * 256);
  } else if (kind === 3) body = gzipSync(Buffer.alloc(Math.floor(r() * 200_000), 0x0a));
  else if (kind === 4)
    body = Buffer.from(
      JSON.stringify({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: 'zz',
                    spanId: 1,
                    startTimeUnixNano: 'x',
                    attributes: [{ key: 'a', value: { intValue: 'q' } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
  else
    body = Buffer.from(
      JSON.stringify({
        TraceSegmentDocuments: Array.from({ length: 1 + Math.floor(r() * 20) }, () =>
          badDocument(r),
        ),
      }),
    );
  const headers: Record<string, string> = {};
  if (r() < 0.3)
    headers['content-type'] = pick(r, [
      'application/json',
      'application/x-protobuf',
      'text/plain',
      'application/x-amz-json-1.1',
    ]);
  if (kind === 3 || r() < 0.05) headers['content-encoding'] = 'gzip';
  return { path, body, headers };
}
