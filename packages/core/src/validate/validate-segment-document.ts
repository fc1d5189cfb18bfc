import type { TopLevelDocument } from '../segment-document.ts';
import { MAX_DOCUMENT_BYTES } from '../segment-document.ts';
import { ProblemList, type DocumentProblem } from './problems.ts';
import {
  isObject,
  checkHexId,
  checkTraceId,
  checkName,
  checkEpoch,
  checkString,
  checkBoolean,
  checkObject,
  checkString250,
  checkAnnotations,
  checkShape,
  arrayOf,
  type Shape,
} from './field-checks.ts';
import {
  checkHttp,
  checkAws,
  checkSql,
  checkCause,
  checkLinks,
  checkService,
} from './block-checks.ts';

/** Result of {@link validateSegmentDocument}. */
export type SegmentValidation =
  | { ok: true; document: TopLevelDocument; kind: 'segment' | 'subsegment' }
  | { ok: false; problems: DocumentProblem[] };

/** Options of {@link validateSegmentDocument}. */
export interface ValidateOptions {
  /** Also require `end_time ≥ start_time` (X-Ray's semantic rule; not in the JSON schema). Default true. */
  checkTimeOrder?: boolean;
  /** Deepest subsegment nesting accepted. Default 64. */
  maxDepth?: number;
}

const NAMESPACES = new Set(['aws', 'remote', 'local']);
const SEGMENT_REQUIRED = ['name', 'id', 'trace_id', 'start_time'] as const;
const SUBSEGMENT_REQUIRED = ['type', 'name', 'id', 'trace_id', 'parent_id', 'start_time'] as const;

/**
 * Validates one segment document (a segment, or an independent subsegment with
 * `type: "subsegment"`) as X-Ray would: every document accepted here is valid against
 * `spec/xray-segment-schema.json`. Accepts a parsed object or the raw JSON string (then the
 * 64 KB limit is checked too). Never throws.
 * @example validateSegmentDocument('{"name":"orders","id":"70de5b6f19ff9a0a",…}')
 */
export function validateSegmentDocument(
  input: unknown,
  options: ValidateOptions = {},
): SegmentValidation {
  const p = new ProblemList();
  let doc: unknown = input;
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > MAX_DOCUMENT_BYTES) {
      return {
        ok: false,
        problems: [{ path: '', message: `document is larger than ${MAX_DOCUMENT_BYTES} bytes` }],
      };
    }
    try {
      doc = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        problems: [{ path: '', message: `invalid JSON: ${(error as Error).message}` }],
      };
    }
  }
  if (!isObject(doc))
    return { ok: false, problems: [{ path: '', message: 'a document must be a JSON object' }] };
  const independent = doc.type === 'subsegment';
  const required = independent ? SUBSEGMENT_REQUIRED : SEGMENT_REQUIRED;
  for (const key of required) if (doc[key] === undefined) p.add(`/${key}`, 'is required');
  checkEntity(doc, '', p, options, 0);
  if (p.items.length > 0) return { ok: false, problems: p.items };
  return {
    ok: true,
    document: doc as TopLevelDocument,
    kind: independent ? 'subsegment' : 'segment',
  };
}

const ENTITY_SHAPE: Shape = [
  ['name', checkName],
  ['id', checkHexId],
  ['trace_id', checkTraceId],
  ['start_time', checkEpoch],
  ['end_time', checkEpoch],
  ['in_progress', checkBoolean],
  ['parent_id', checkHexId],
  ['precursor_ids', arrayOf(checkHexId)],
  ['traced', checkBoolean],
  ['service', checkService],
  ['user', checkString250],
  ['origin', checkString],
  ['resource_arn', checkString],
  ['http', checkHttp],
  ['aws', checkAws],
  ['sql', checkSql],
  ['error', checkBoolean],
  ['throttle', checkBoolean],
  ['fault', checkBoolean],
  ['cause', checkCause],
  ['annotations', checkAnnotations],
  ['metadata', checkObject],
  ['links', checkLinks],
];

const EMBEDDED_REQUIRED = ['name', 'id', 'start_time'] as const;

function checkEntity(
  e: Record<string, unknown>,
  path: string,
  p: ProblemList,
  o: ValidateOptions,
  depth: number,
): void {
  if (depth > (o.maxDepth ?? 64)) return p.add(path, 'subsegments are nested too deeply');
  if (e.end_time === undefined && e.in_progress !== true) {
    p.add(`${path}/end_time`, 'is required unless in_progress is true');
  }
  if (
    (o.checkTimeOrder ?? true) &&
    typeof e.start_time === 'number' &&
    typeof e.end_time === 'number' &&
    e.end_time < e.start_time
  ) {
    p.add(`${path}/end_time`, 'must not be before start_time');
  }
  if (e.type !== undefined && e.type !== 'subsegment')
    p.add(`${path}/type`, 'must be "subsegment"');
  if (e.namespace !== undefined && !NAMESPACES.has(e.namespace as string)) {
    p.add(`${path}/namespace`, 'must be "aws", "remote" or "local"');
  }
  checkShape(e, path, ENTITY_SHAPE, p);
  const subs = e.subsegments;
  if (subs === undefined) return;
  if (!Array.isArray(subs)) return p.add(`${path}/subsegments`, 'must be an array');
  for (let i = 0; i < subs.length; i++) {
    const sub: unknown = subs[i];
    const sp = `${path}/subsegments/${i}`;
    if (!isObject(sub)) {
      p.add(sp, 'must be an object');
      continue;
    }
    for (const key of EMBEDDED_REQUIRED)
      if (sub[key] === undefined) p.add(`${sp}/${key}`, 'is required');
    checkEntity(sub, sp, p, o, depth + 1);
  }
}
