import type { ProblemList } from './problems.ts';
import {
  isObject,
  pathOf,
  checkHexId,
  checkTraceId,
  checkString,
  checkBoolean,
  checkObject,
  checkInteger,
  checkNonNegativeInteger,
  checkNullableInteger,
  checkString250,
  checkNullableString as nstr,
  checkShape,
  objectOf,
  arrayOf,
  type Check,
} from './field-checks.ts';

// Checks of the nested blocks of a (sub)segment: http, aws, sql, cause, links, service.
// Built once at module load; nothing here allocates while a valid document is checked.

export const checkHttp: Check = objectOf([
  [
    'request',
    objectOf([
      ['method', checkString250],
      ['url', checkString250],
      ['user_agent', checkString250],
      ['client_ip', checkString250],
      ['x_forwarded_for', checkBoolean],
      ['traced', checkBoolean],
    ]),
  ],
  [
    'response',
    objectOf([
      ['status', checkInteger],
      ['content_length', checkInteger],
    ]),
  ],
]);

export const checkAws: Check = objectOf([
  ['account_id', checkString],
  ['operation', checkString],
  ['region', checkString],
  ['request_id', checkString],
  ['queue_url', checkString],
  ['table_name', checkString],
  ['table_names', arrayOf(checkString)],
  ['resource_names', arrayOf(checkString)],
  ['retries', checkNonNegativeInteger],
  [
    'ec2',
    objectOf([
      ['instance_id', nstr],
      ['availability_zone', nstr],
      ['instance_size', nstr],
      ['ami_id', nstr],
    ]),
  ],
  [
    'ecs',
    objectOf([
      ['container', nstr],
      ['container_id', nstr],
      ['container_arn', nstr],
      ['task_arn', nstr],
      ['task_family', nstr],
      ['cluster_arn', nstr],
      ['availability_zone', nstr],
      ['launch_type', nstr],
    ]),
  ],
  [
    'eks',
    objectOf([
      ['pod', nstr],
      ['cluster_name', nstr],
      ['container_id', nstr],
    ]),
  ],
  [
    'elastic_beanstalk',
    objectOf([
      ['environment_name', nstr],
      ['version_label', nstr],
      ['deployment_id', checkNullableInteger],
    ]),
  ],
  [
    'xray',
    objectOf([
      ['sdk', nstr],
      ['sdk_version', nstr],
      ['auto_instrumentation', checkBoolean],
    ]),
  ],
  [
    'cloudwatch_logs',
    arrayOf(
      objectOf([
        ['log_group', nstr],
        ['arn', nstr],
      ]),
    ),
  ],
]);

export const checkSql: Check = objectOf([
  ['connection_string', checkString],
  ['url', checkString],
  ['sanitized_query', checkString],
  ['database_type', checkString],
  ['database_version', checkString],
  ['driver_version', checkString],
  ['user', checkString250],
  ['preparation', checkString],
]);

const checkStackFrame: Check = objectOf([
  ['path', nstr],
  ['line', checkNullableInteger],
  ['label', nstr],
]);

const EXCEPTION_SHAPE = [
  ['id', checkHexId],
  ['message', checkString],
  ['type', checkString],
  ['remote', checkBoolean],
  ['truncated', checkNonNegativeInteger],
  ['skipped', checkNonNegativeInteger],
  ['cause', checkHexId],
  ['stack', arrayOf(checkStackFrame)],
] as const;

const checkException: Check = (v, at, key, p: ProblemList) => {
  if (!isObject(v)) return p.add(pathOf(at, key), 'must be an object');
  const path = pathOf(at, key);
  if (v.id === undefined) p.add(`${path}/id`, 'is required');
  checkShape(v, path, EXCEPTION_SHAPE, p);
};

const CAUSE_SHAPE = [
  ['working_directory', checkString],
  ['paths', arrayOf(checkString)],
  ['id', checkHexId],
  ['message', checkString],
  ['exceptions', arrayOf(checkException)],
] as const;

export const checkCause: Check = (v, at, key, p) => {
  if (typeof v === 'string') return checkHexId(v, at, key, p);
  if (!isObject(v)) return p.add(pathOf(at, key), 'must be an exception ID or an object');
  checkShape(v, pathOf(at, key), CAUSE_SHAPE, p);
};

const LINK_SHAPE = [
  ['trace_id', checkTraceId],
  ['id', checkHexId],
  ['attributes', checkObject],
] as const;

export const checkLinks: Check = arrayOf((link, at, key, p) => {
  if (!isObject(link)) return p.add(pathOf(at, key), 'must be an object');
  const path = pathOf(at, key);
  if (link.trace_id === undefined) p.add(`${path}/trace_id`, 'is required');
  if (link.id === undefined) p.add(`${path}/id`, 'is required');
  checkShape(link, path, LINK_SHAPE, p);
});

export const checkService: Check = objectOf([['version', checkString]]);
