import type { ProblemList } from './problems.ts';
import {
  isObject,
  checkHexId,
  checkTraceId,
  checkType,
  checkInteger,
  checkString250,
  checkNullableString,
  checkProps,
} from './field-checks.ts';

// Checks of the nested blocks of a (sub)segment: http, aws, sql, cause, links, service.

type Check = (value: unknown, path: string, p: ProblemList) => void;
const str: Check = (v, path, p) => checkType(v, 'string', path, p);
const bool: Check = (v, path, p) => checkType(v, 'boolean', path, p);
const int: Check = (v, path, p) => checkInteger(v, path, p);
const nonNegInt: Check = (v, path, p) => checkInteger(v, path, p, 0);
const nstr: Check = checkNullableString;
const stringArray: Check = (v, path, p) => {
  if (!Array.isArray(v)) return p.add(path, 'must be an array');
  v.forEach((item, i) => checkType(item, 'string', `${path}/${i}`, p));
};

/** An object whose listed props are checked (unknown props allowed). */
const objectOf =
  (checks: Record<string, Check>): Check =>
  (value, path, p) => {
    if (!isObject(value)) return p.add(path, 'must be an object');
    checkProps(value, path, p, checks);
  };

export const checkHttp: Check = objectOf({
  request: objectOf({
    method: checkString250,
    url: checkString250,
    user_agent: checkString250,
    client_ip: checkString250,
    x_forwarded_for: bool,
    traced: bool,
  }),
  response: objectOf({ status: int, content_length: int }),
});

export const checkAws: Check = objectOf({
  account_id: str,
  operation: str,
  region: str,
  request_id: str,
  queue_url: str,
  table_name: str,
  table_names: stringArray,
  resource_names: stringArray,
  retries: nonNegInt,
  ec2: objectOf({ instance_id: nstr, availability_zone: nstr, instance_size: nstr, ami_id: nstr }),
  ecs: objectOf({
    container: nstr,
    container_id: nstr,
    container_arn: nstr,
    task_arn: nstr,
    task_family: nstr,
    cluster_arn: nstr,
    availability_zone: nstr,
    launch_type: nstr,
  }),
  eks: objectOf({ pod: nstr, cluster_name: nstr, container_id: nstr }),
  elastic_beanstalk: objectOf({
    environment_name: nstr,
    version_label: nstr,
    deployment_id: (v, path, p) => (v === null ? undefined : checkInteger(v, path, p)),
  }),
  xray: objectOf({ sdk: nstr, sdk_version: nstr, auto_instrumentation: bool }),
  cloudwatch_logs: (v, path, p) => {
    if (!Array.isArray(v)) return p.add(path, 'must be an array');
    v.forEach((item, i) => objectOf({ log_group: nstr, arn: nstr })(item, `${path}/${i}`, p));
  },
});

export const checkSql: Check = objectOf({
  connection_string: str,
  url: str,
  sanitized_query: str,
  database_type: str,
  database_version: str,
  driver_version: str,
  user: checkString250,
  preparation: str,
});

const checkStackFrame: Check = objectOf({
  path: nstr,
  line: (v, path, p) => (v === null ? undefined : checkInteger(v, path, p)),
  label: nstr,
});

const checkException: Check = (value, path, p) => {
  if (!isObject(value)) return p.add(path, 'must be an object');
  if (value.id === undefined) p.add(`${path}/id`, 'is required');
  checkProps(value, path, p, {
    id: checkHexId,
    message: str,
    type: str,
    remote: bool,
    truncated: nonNegInt,
    skipped: nonNegInt,
    cause: checkHexId,
    stack: (v, sp, pl) => {
      if (!Array.isArray(v)) return pl.add(sp, 'must be an array');
      v.forEach((frame, i) => checkStackFrame(frame, `${sp}/${i}`, pl));
    },
  });
};

export const checkCause: Check = (value, path, p) => {
  if (typeof value === 'string') return checkHexId(value, path, p);
  if (!isObject(value)) return p.add(path, 'must be an exception ID or an object');
  checkProps(value, path, p, {
    working_directory: str,
    paths: stringArray,
    id: checkHexId,
    message: str,
    exceptions: (v, ep, pl) => {
      if (!Array.isArray(v)) return pl.add(ep, 'must be an array');
      v.forEach((e, i) => checkException(e, `${ep}/${i}`, pl));
    },
  });
};

export const checkLinks: Check = (value, path, p) => {
  if (!Array.isArray(value)) return p.add(path, 'must be an array');
  value.forEach((link, i) => {
    const lp = `${path}/${i}`;
    if (!isObject(link)) return p.add(lp, 'must be an object');
    if (link.trace_id === undefined) p.add(`${lp}/trace_id`, 'is required');
    if (link.id === undefined) p.add(`${lp}/id`, 'is required');
    checkProps(link, lp, p, {
      trace_id: checkTraceId,
      id: checkHexId,
      attributes: (v, ap, pl) => checkType(v, 'object', ap, pl),
    });
  });
};

export const checkService: Check = objectOf({ version: str });
