// The `aws` block (spec/translation.md §6): resource context plus AWS call details.
import type { AwsBlock } from '../../segment-document.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { hasSlot, slot } from './attribute-scan.ts';
import * as S from './attribute-slots.ts';
import { str } from './attribute-values.ts';
import { AWS_API } from './constants.ts';
import { flat } from './json-text.ts';
import { memberKey } from './member-key.ts';
import { MembersWriter } from './members-writer.ts';
import type { LogGroup, ResourceInfo } from './resource-info.ts';

/** The `aws` block as a plan: resource context (prebuilt) plus the fields describing the call. */
export interface AwsPlan {
  resource: ResourceInfo;
  /** `cloudwatch_logs` entries (from the resource or the options), or undefined. */
  logGroups: LogGroup[] | undefined;
  /** The call fields, in the order they are written. */
  call: AwsCall;
}

/**
 * The call fields of the `aws` block, undefined where omitted: one literal with every field, so
 * every plan shares one hidden class (see `HttpPlan` in http-block.ts for why that matters).
 */
export interface AwsCall {
  account_id: string | undefined;
  operation: string | undefined;
  region: string | undefined;
  request_id: string | undefined;
  queue_url: string | undefined;
  queue_name: string | undefined;
  topic_arn: string | undefined;
  table_names: string[] | undefined;
  table_name: string | undefined;
}

/** The names of {@link AwsCall}'s fields, in the order they are written. */
const CALL_FIELDS = [
  'account_id',
  'operation',
  'region',
  'request_id',
  'queue_url',
  'queue_name',
  'topic_arn',
  'table_names',
  'table_name',
] as const satisfies ReadonlyArray<keyof AwsCall>;

function isSqs(s: AttributeScan): boolean {
  const system = str(slot(s, S.MESSAGING_SYSTEM));
  return system === 'aws_sqs' || system === 'aws.sqs' || str(slot(s, S.RPC_SERVICE)) === 'SQS';
}

function isSns(s: AttributeScan): boolean {
  const system = str(slot(s, S.MESSAGING_SYSTEM));
  return system === 'aws_sns' || system === 'aws.sns' || str(slot(s, S.RPC_SERVICE)) === 'SNS';
}

/** The `aws` block plan, or undefined when the resource's `cloud.provider` is not AWS. */
export function makeAws(
  s: AttributeScan,
  resource: ResourceInfo,
  optionLogGroups: LogGroup[] | undefined,
): AwsPlan | undefined {
  if (resource.noAwsBlock) return undefined;
  const account = s.account !== '' ? s.account : resource.accountId;
  const operation = s.operation ?? s.rpcMethod ?? '';
  const awsSdk = str(slot(s, S.RPC_SYSTEM)) === AWS_API;
  // Extension: OTel JS writes `cloud.region` and `aws.request.id` on AWS SDK spans.
  const region = s.region !== '' ? s.region : awsSdk ? str(slot(s, S.CLOUD_REGION)) : '';
  const requestId = s.requestId !== '' ? s.requestId : str(slot(s, S.AWS_REQUEST_ID_DOTTED));
  let queueUrl = hasSlot(s, S.MESSAGING_URL) ? str(slot(s, S.MESSAGING_URL)) : s.queueUrl;
  const sqs = isSqs(s);
  // Extension: OTel JS SQS spans carry the queue URL in `url.full`; ADOT in `aws.sqs.queue.url`.
  if (queueUrl === '') queueUrl = str(slot(s, S.AWS_SQS_QUEUE_URL));
  if (queueUrl === '' && sqs) queueUrl = str(slot(s, S.URL_FULL));
  const queueName = sqs
    ? str(slot(s, S.AWS_SQS_QUEUE_NAME)) || str(slot(s, S.MESSAGING_DESTINATION_NAME))
    : '';
  const topicArn = str(slot(s, S.AWS_SNS_TOPIC_ARN)) || snsDestinationArn(s);
  const tables = tableNames(s.tableName, slot(s, S.AWS_DYNAMODB_TABLE_NAMES));
  const call: AwsCall = {
    account_id: orUndefined(account),
    operation: orUndefined(operation),
    region: orUndefined(region),
    request_id: orUndefined(requestId),
    queue_url: orUndefined(queueUrl),
    queue_name: orUndefined(queueName),
    topic_arn: orUndefined(topicArn),
    table_names: tables.names,
    table_name: orUndefined(tables.name),
  };
  return { resource, logGroups: resource.logGroups ?? optionLogGroups, call };
}

function orUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** The `aws` object; the service segment of a split (§1.2) leaves out the call fields. */
export function awsObject(plan: AwsPlan, withCall: boolean): AwsBlock {
  const r = plan.resource.aws;
  const aws: AwsBlock = {};
  if (r.elastic_beanstalk !== undefined) aws.elastic_beanstalk = { ...r.elastic_beanstalk };
  if (plan.logGroups !== undefined)
    aws.cloudwatch_logs = plan.logGroups.map((entry) => ({ ...entry }));
  if (r.ecs !== undefined) aws.ecs = { ...r.ecs };
  if (r.ec2 !== undefined) aws.ec2 = { ...r.ec2 };
  if (r.eks !== undefined) aws.eks = { ...r.eks };
  aws.xray = { ...r.xray };
  if (withCall) {
    const out = aws as Record<string, unknown>;
    for (const field of CALL_FIELDS) {
      const value = plan.call[field];
      if (value !== undefined) out[field] = value;
    }
  }
  return aws;
}

// The resource part is the same for every span of a resource (and options): keep its JSON text.
let lastResource: ResourceInfo | undefined;
let lastLogGroups: LogGroup[] | undefined;
let lastPrefix = '';

const ACCOUNT_ID = memberKey('account_id');
const OPERATION = memberKey('operation');
const REGION = memberKey('region');
const REQUEST_ID = memberKey('request_id');
const QUEUE_URL = memberKey('queue_url');
const QUEUE_NAME = memberKey('queue_name');
const TOPIC_ARN = memberKey('topic_arn');
const TABLE_NAMES = memberKey('table_names');
const TABLE_NAME = memberKey('table_name');
const writer = new MembersWriter();

/** `,"aws":` and `JSON.stringify(awsObject(plan, withCall))`. */
export function awsJson(plan: AwsPlan, withCall: boolean): string {
  if (plan.resource !== lastResource || plan.logGroups !== lastLogGroups) {
    lastPrefix = flat(`,"aws":${JSON.stringify(awsObject(plan, false)).slice(0, -1)}`);
    lastResource = plan.resource;
    lastLogGroups = plan.logGroups;
  }
  if (!withCall) return `${lastPrefix}}`;
  // makeAws adds the call fields in this order; the resource part always has `xray`.
  const call = plan.call;
  writer.start(lastPrefix, false);
  writer.add(ACCOUNT_ID, call.account_id);
  writer.add(OPERATION, call.operation);
  writer.add(REGION, call.region);
  writer.add(REQUEST_ID, call.request_id);
  writer.add(QUEUE_URL, call.queue_url);
  writer.add(QUEUE_NAME, call.queue_name);
  writer.add(TOPIC_ARN, call.topic_arn);
  writer.add(TABLE_NAMES, call.table_names);
  writer.add(TABLE_NAME, call.table_name);
  return writer.end('}');
}

function snsDestinationArn(s: AttributeScan): string {
  if (!isSns(s)) return '';
  const destination = str(slot(s, S.MESSAGING_DESTINATION_NAME));
  return destination.startsWith('arn:') ? destination : '';
}

/** `table_names` (more than one table) or `table_name` (one, or the `aws.table_name` attribute). */
function tableNames(
  fromAttribute: string,
  semconv: unknown,
): { names: string[] | undefined; name: string } {
  if (Array.isArray(semconv)) {
    if (semconv.length === 1) return { names: undefined, name: str(semconv[0]) };
    if (semconv.length > 1) return { names: semconv.map((item) => str(item)), name: '' };
  } else if (typeof semconv === 'string') {
    return { names: undefined, name: semconv };
  }
  return { names: undefined, name: fromAttribute };
}
