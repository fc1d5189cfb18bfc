// The JSON text of a document plan, byte-identical to JSON.stringify(docObject(plan)) but written in
// one pass: constant keys pre-escaped, resource parts from cached text, no intermediate objects.
// A plain string value is written bare and its quotes travel with the constant text around it
// (`quoted` says a closing quote is pending): V8 joins strings lazily, one rope piece per `+`.
import type { AnnotationValue, SqlBlock } from '../../segment-document.ts';
import type { HttpPlan } from './http-block.ts';
import { awsJson } from './aws-block.ts';
import type { DocPlan } from './doc-plan.ts';
import { planMetadata } from './doc-plan.ts';
import { flat, isPlainJsonText, jsonValue } from './json-text.ts';
import { keyInfo } from './key-info.ts';
import { memberKey } from './member-key.ts';
import { MembersWriter } from './members-writer.ts';
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
const XFF = memberKey('x_forwarded_for');
const METHOD = memberKey('method');
const URL = memberKey('url');
const USER_AGENT = memberKey('user_agent');
const CLIENT_IP = memberKey('client_ip');
const CONNECTION_STRING = memberKey('connection_string');
const SANITIZED_QUERY = memberKey('sanitized_query');
const DATABASE_TYPE = memberKey('database_type');
const USER = memberKey('user');
const writer = new MembersWriter();

/** The `http` block in makeHttp's field order (http-block.ts). */
function httpJson(http: HttpPlan): string {
  writer.start(',"http":{"request":{', true);
  writer.add(XFF, http.xForwardedFor);
  writer.add(METHOD, http.method);
  writer.add(URL, http.url);
  writer.add(USER_AGENT, http.userAgent);
  writer.add(CLIENT_IP, http.clientIp);
  return writer.end('}') + responseJson(http.status, http.contentLength);
}

// Most responses repeat the last one (200 and no length): keep its text.
let lastStatus: unknown = null;
let lastLength: unknown = null;
let lastResponse = '';

/** `,"response":{…}}` and the closing brace of `http`. */
function responseJson(status: unknown, length: unknown): string {
  if (status === lastStatus && length === lastLength) return lastResponse;
  const text =
    status === undefined
      ? `,"response":{"content_length":${jsonValue(length)}}}`
      : `,"response":{"status":${jsonValue(status)},"content_length":${jsonValue(length)}}}`;
  lastStatus = status;
  lastLength = length;
  lastResponse = text;
  return text;
}

// Database spans of one service repeat their sql block: the last block's text is reused while they do.
let lastSql: SqlBlock = {};
let lastSqlText = '';

function sameSql(a: SqlBlock, b: SqlBlock): boolean {
  return (
    a.connection_string === b.connection_string &&
    a.url === b.url &&
    a.sanitized_query === b.sanitized_query &&
    a.database_type === b.database_type &&
    a.user === b.user
  );
}

/** The `sql` block in makeSql's field order (sql-block.ts). */
function sqlJson(sql: SqlBlock): string {
  if (sameSql(sql, lastSql)) return lastSqlText;
  writer.start(',"sql":{', true);
  writer.add(CONNECTION_STRING, sql.connection_string);
  writer.add(URL, sql.url);
  writer.add(SANITIZED_QUERY, sql.sanitized_query);
  writer.add(DATABASE_TYPE, sql.database_type);
  writer.add(USER, sql.user);
  lastSql = sql;
  lastSqlText = writer.end('}');
  return lastSqlText;
}

/** Annotations in their object order (an object lists index-like keys first). */
function annotationsJson(annotations: Record<string, AnnotationValue>): string {
  writer.start(',"annotations":{', true);
  for (const key of Object.keys(annotations)) writer.add(keyInfo(key).member, annotations[key]);
  return writer.end('}');
}

// The text around a span name, flat, per name (names are few: they name operations, not requests;
// past the bound the text is built each time).
const MAX_NAMES = 1024;
const heads = new Map<string, string>();

function headJson(name: string): string {
  let head = heads.get(name);
  if (head !== undefined) return head;
  head = isPlainJsonText(name)
    ? `{"name":"${name}","id":"`
    : `{"name":${JSON.stringify(name)},"id":"`;
  if (heads.size < MAX_NAMES && name.length <= 256) heads.set(name, (head = flat(head)));
  return head;
}

// Spans of one trace arrive together: the text around the last trace id is reused (one piece).
let lastTraceId = '';
let lastTrace = '';

function traceJson(traceId: string): string {
  if (traceId !== lastTraceId) {
    lastTraceId = traceId;
    lastTrace = `,"trace_id":"${traceId}","end_time":`;
  }
  return lastTrace;
}

const NAMESPACE_AWS = ',"namespace":"aws"';
const NAMESPACE_REMOTE = ',"namespace":"remote"';
const SUBSEGMENT_END = '","type":"subsegment"}';
const SUBSEGMENT = '","type":"subsegment"';

/** `JSON.stringify(docObject(plan))`. */
export function docJson(plan: DocPlan): string {
  let out = `${headJson(plan.name)}${plan.id}","start_time":${plan.startTime}`;
  const resource = plan.resource;
  if (resource.serviceJson !== undefined) out += resource.serviceJson;
  if (resource.originJson !== undefined) out += resource.originJson;
  const user = plan.user;
  if (user !== '')
    out += isPlainJsonText(user) ? `,"user":"${user}"` : `,"user":${JSON.stringify(user)}`;
  if (plan.links !== undefined) out += `,"links":${JSON.stringify(plan.links)}`;
  out += traceJson(plan.traceId) + plan.endTime;
  if (plan.http !== undefined) out += httpJson(plan.http);
  out += FLAGS[(plan.fault ? 1 : 0) + (plan.error ? 2 : 0) + (plan.throttle ? 4 : 0)] as string;
  if (plan.cause !== undefined) out += `,"cause":${JSON.stringify(plan.cause)}`;
  if (plan.aws !== undefined) out += awsJson(plan.aws, !plan.service);
  if (plan.annotations !== undefined) out += annotationsJson(plan.annotations);
  const metadata = plan.service ? serviceMetadataJson(plan) : metadataJson(plan.metadata);
  if (metadata !== undefined) out += metadata;
  const namespace = plan.namespace;
  if (namespace !== undefined)
    out +=
      namespace === 'aws'
        ? NAMESPACE_AWS
        : namespace === 'remote'
          ? NAMESPACE_REMOTE
          : `,"namespace":${JSON.stringify(namespace)}`;
  const sql = plan.sql;
  if (plan.parentId !== undefined) {
    // The parent id's closing quote travels with the constant after it (and the document's brace).
    if (sql === undefined)
      return `${out},"parent_id":"${plan.parentId}${plan.subsegment ? SUBSEGMENT_END : '"}'}`;
    out += `,"parent_id":"${plan.parentId}${plan.subsegment ? SUBSEGMENT : '"'}`;
  } else if (plan.subsegment) {
    out += ',"type":"subsegment"';
  }
  if (sql !== undefined) out += sqlJson(sql);
  return `${out}}`;
}

function serviceMetadataJson(plan: DocPlan): string | undefined {
  const metadata = planMetadata(plan);
  return metadata === undefined ? undefined : `,"metadata":${JSON.stringify(metadata)}`;
}
