// The JSON text of a document plan, byte-identical to JSON.stringify(docObject(plan)) but written in
// one pass: constant keys pre-escaped, resource parts from cached text, no intermediate objects.
// A plain string value is written bare and its quotes travel with the constant text around it
// (`quoted` says a closing quote is pending): V8 joins strings lazily, one rope piece per `+`.
import type { AnnotationValue, HttpBlock, SqlBlock } from '../../segment-document.ts';
import { awsJson } from './aws-block.ts';
import type { DocPlan } from './doc-plan.ts';
import { planMetadata } from './doc-plan.ts';
import { isPlainJsonText, jsonValue } from './json-text.ts';
import { keyInfo } from './key-info.ts';
import { memberKey } from './member-key.ts';
import { membersJson } from './members-json.ts';
import { metadataJson } from './metadata-plan.ts';

const FLAGS = [
  ',"fault":false,"error":false,"throttle":false',
  ',"fault":true,"error":false,"throttle":false',
  ',"fault":false,"error":true,"throttle":false',
  ',"fault":true,"error":true,"throttle":false',
  ',"fault":false,"error":false,"throttle":true',
  ',"fault":true,"error":false,"throttle":true',
  ',"fault":false,"error":true,"throttle":true',
  ',"fault":true,"error":true,"throttle":true',
];
const REQUEST_FIELDS = ['x_forwarded_for', 'method', 'url', 'user_agent', 'client_ip'];
const REQUEST_KEYS = REQUEST_FIELDS.map(memberKey);

/** The `http` block in makeHttp's field order (http-block.ts). */
function httpJson(http: HttpBlock): string {
  const { request, response } = http;
  // makeHttp always writes both.
  if (request === undefined || response === undefined) return `,"http":${JSON.stringify(http)}`;
  const out = membersJson(',"http":{"request":{', true, REQUEST_KEYS, request, REQUEST_FIELDS, '}');
  const length = jsonValue(response.content_length);
  if (response.status === undefined) return `${out},"response":{"content_length":${length}}}`;
  return `${out},"response":{"status":${jsonValue(response.status)},"content_length":${length}}}`;
}

const SQL_FIELDS = ['connection_string', 'url', 'sanitized_query', 'database_type', 'user'];
const SQL_KEYS = SQL_FIELDS.map(memberKey);

/** The `sql` block in makeSql's field order (sql-block.ts). */
function sqlJson(sql: SqlBlock): string {
  return membersJson(',"sql":{', true, SQL_KEYS, sql, SQL_FIELDS, '}');
}

/** Annotations in their object order (an object lists index-like keys first). */
function annotationsJson(annotations: Record<string, AnnotationValue>): string {
  const keys = Object.keys(annotations);
  return membersJson(
    ',"annotations":{',
    true,
    keys.map((key) => keyInfo(key).member),
    annotations,
    keys,
    '}',
  );
}

/** `JSON.stringify(docObject(plan))`. */
export function docJson(plan: DocPlan): string {
  const name = plan.name;
  let out = isPlainJsonText(name)
    ? `{"name":"${name}","id":"${plan.id}","start_time":${plan.startTime}`
    : `{"name":${JSON.stringify(name)},"id":"${plan.id}","start_time":${plan.startTime}`;
  const resource = plan.resource;
  if (resource.serviceJson !== undefined) out += resource.serviceJson;
  if (resource.originJson !== undefined) out += resource.originJson;
  const user = plan.user;
  if (user !== '')
    out += isPlainJsonText(user) ? `,"user":"${user}"` : `,"user":${JSON.stringify(user)}`;
  if (plan.links !== undefined) out += `,"links":${JSON.stringify(plan.links)}`;
  out += `,"trace_id":"${plan.traceId}","end_time":${plan.endTime}`;
  if (plan.http !== undefined) out += httpJson(plan.http);
  out += FLAGS[(plan.fault ? 1 : 0) + (plan.error ? 2 : 0) + (plan.throttle ? 4 : 0)] as string;
  if (plan.cause !== undefined) out += `,"cause":${JSON.stringify(plan.cause)}`;
  if (plan.aws !== undefined) out += awsJson(plan.aws, !plan.service);
  if (plan.annotations !== undefined) out += annotationsJson(plan.annotations);
  const metadata = plan.service ? serviceMetadataJson(plan) : metadataJson(plan.metadata);
  if (metadata !== undefined) out += `,"metadata":${metadata}`;
  if (plan.namespace !== undefined) out += `,"namespace":"${plan.namespace}"`;
  if (plan.parentId !== undefined) out += `,"parent_id":"${plan.parentId}"`;
  if (plan.subsegment) out += ',"type":"subsegment"';
  if (plan.sql !== undefined) out += sqlJson(plan.sql);
  return `${out}}`;
}

function serviceMetadataJson(plan: DocPlan): string | undefined {
  const metadata = planMetadata(plan);
  return metadata === undefined ? undefined : JSON.stringify(metadata);
}
