// The JSON text of a document plan, byte-identical to JSON.stringify(docObject(plan)) but written in
// one pass: constant keys pre-escaped, resource parts from cached text, no intermediate objects.
import type { HttpBlock, SqlBlock } from '../../segment-document.ts';
import { awsJson } from './aws-block.ts';
import type { DocPlan } from './doc-plan.ts';
import { planMetadata } from './doc-plan.ts';
import { jsonString, jsonValue } from './json-text.ts';
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

/** `JSON.stringify` of a small object of scalars (http.request, http.response, sql). */
function flatObject(value: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const key in value) {
    const item = value[key];
    if (item === undefined) continue;
    out += `${out === '' ? '{' : ','}${jsonString(key)}:${jsonValue(item)}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/** `"key":` + value for each present field, in makeHttp's order (http-block.ts). */
function httpJson(http: HttpBlock): string {
  const request = http.request;
  const response = http.response;
  // makeHttp always writes both.
  if (request === undefined || response === undefined) return JSON.stringify(http);
  let out = '{"request":{';
  let sep = '';
  if (request.x_forwarded_for !== undefined) {
    out += `"x_forwarded_for":${jsonValue(request.x_forwarded_for)}`;
    sep = ',';
  }
  if (request.method !== undefined) {
    out += `${sep}"method":${jsonString(request.method)}`;
    sep = ',';
  }
  if (request.url !== undefined) {
    out += `${sep}"url":${jsonString(request.url)}`;
    sep = ',';
  }
  if (request.user_agent !== undefined) {
    out += `${sep}"user_agent":${jsonString(request.user_agent)}`;
    sep = ',';
  }
  if (request.client_ip !== undefined) out += `${sep}"client_ip":${jsonString(request.client_ip)}`;
  out += '},"response":{';
  if (response.status !== undefined) out += `"status":${jsonValue(response.status)},`;
  return `${out}"content_length":${jsonValue(response.content_length)}}}`;
}

/** `"key":` + value for each present field, in makeSql's order (sql-block.ts). */
function sqlJson(sql: SqlBlock): string {
  // makeSql always writes connection_string and database_type.
  if (sql.connection_string === undefined || sql.database_type === undefined)
    return JSON.stringify(sql);
  let out = `{"connection_string":${jsonString(sql.connection_string)}`;
  if (sql.url !== undefined) out += `,"url":${jsonString(sql.url)}`;
  if (sql.sanitized_query !== undefined)
    out += `,"sanitized_query":${jsonString(sql.sanitized_query)}`;
  out += `,"database_type":${jsonString(sql.database_type)}`;
  if (sql.user !== undefined) out += `,"user":${jsonString(sql.user)}`;
  return `${out}}`;
}

function serviceMetadataJson(plan: DocPlan): string | undefined {
  const metadata = planMetadata(plan);
  return metadata === undefined ? undefined : JSON.stringify(metadata);
}

/** `JSON.stringify(docObject(plan))`. */
export function docJson(plan: DocPlan): string {
  let out = `{"name":${jsonString(plan.name)},"id":"${plan.id}","start_time":${jsonValue(plan.startTime)}`;
  const resource = plan.resource;
  if (resource.serviceJson !== undefined) out += `,"service":${resource.serviceJson}`;
  if (resource.origin !== undefined) out += `,"origin":${jsonString(resource.origin)}`;
  if (plan.user !== '') out += `,"user":${jsonString(plan.user)}`;
  if (plan.links !== undefined) out += `,"links":${JSON.stringify(plan.links)}`;
  out += `,"trace_id":"${plan.traceId}","end_time":${jsonValue(plan.endTime)}`;
  if (plan.http !== undefined) out += `,"http":${httpJson(plan.http)}`;
  out += FLAGS[(plan.fault ? 1 : 0) + (plan.error ? 2 : 0) + (plan.throttle ? 4 : 0)];
  if (plan.cause !== undefined) out += `,"cause":${JSON.stringify(plan.cause)}`;
  if (plan.aws !== undefined) out += `,"aws":${awsJson(plan.aws, !plan.service)}`;
  if (plan.annotations !== undefined) out += `,"annotations":${flatObject(plan.annotations)}`;
  const metadata = plan.service ? serviceMetadataJson(plan) : metadataJson(plan.metadata);
  if (metadata !== undefined) out += `,"metadata":${metadata}`;
  if (plan.namespace !== undefined) out += `,"namespace":"${plan.namespace}"`;
  if (plan.parentId !== undefined) out += `,"parent_id":"${plan.parentId}"`;
  if (plan.subsegment) out += ',"type":"subsegment"';
  if (plan.sql !== undefined) out += `,"sql":${sqlJson(plan.sql)}`;
  return out + '}';
}
