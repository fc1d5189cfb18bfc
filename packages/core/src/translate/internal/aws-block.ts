// The `aws` block (spec/translation.md §6): resource context plus AWS call details.
import type { AwsBlock } from '../../segment-document.ts';
import type { TranslatableAttributes } from '../translatable-span.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { str } from './attribute-values.ts';
import { AWS_API } from './constants.ts';
import type { ResourceInfo } from './resource-info.ts';
import { logGroupEntries } from './resource-info.ts';

function isSqs(attrs: TranslatableAttributes): boolean {
  const system = str(attrs['messaging.system']);
  return system === 'aws_sqs' || system === 'aws.sqs' || str(attrs['rpc.service']) === 'SQS';
}

function isSns(attrs: TranslatableAttributes): boolean {
  const system = str(attrs['messaging.system']);
  return system === 'aws_sns' || system === 'aws.sns' || str(attrs['rpc.service']) === 'SNS';
}

/** The `aws` block, or undefined when the resource's `cloud.provider` is not AWS. */
export function makeAws(
  s: AttributeScan,
  attrs: TranslatableAttributes,
  resource: ResourceInfo,
  logGroupNames: readonly string[] | undefined,
): AwsBlock | undefined {
  if (resource.noAwsBlock) return undefined;
  const r = resource.aws;
  const aws: AwsBlock = {};
  if (r.elastic_beanstalk !== undefined) aws.elastic_beanstalk = { ...r.elastic_beanstalk };
  const logGroups =
    resource.logGroups ??
    (logGroupNames !== undefined && logGroupNames.length > 0
      ? logGroupEntries(logGroupNames, false)
      : undefined);
  if (logGroups !== undefined) aws.cloudwatch_logs = logGroups.map((entry) => ({ ...entry }));
  if (r.ecs !== undefined) aws.ecs = { ...r.ecs };
  if (r.ec2 !== undefined) aws.ec2 = { ...r.ec2 };
  if (r.eks !== undefined) aws.eks = { ...r.eks };
  aws.xray = { ...r.xray };
  const account = s.account !== '' ? s.account : resource.accountId;
  if (account !== '') aws.account_id = account;
  const operation = s.operation ?? s.rpcMethod ?? '';
  if (operation !== '') aws.operation = operation;
  const awsSdk = str(attrs['rpc.system']) === AWS_API;
  // Extension: OTel JS writes `cloud.region` and `aws.request.id` on AWS SDK spans.
  const region = s.region !== '' ? s.region : awsSdk ? str(attrs['cloud.region']) : '';
  if (region !== '') aws.region = region;
  const requestId = s.requestId !== '' ? s.requestId : str(attrs['aws.request.id']);
  if (requestId !== '') aws.request_id = requestId;
  let queueUrl = Object.hasOwn(attrs, 'messaging.url') ? str(attrs['messaging.url']) : s.queueUrl;
  const sqs = isSqs(attrs);
  // Extension: OTel JS SQS spans carry the queue URL in `url.full`; ADOT in `aws.sqs.queue.url`.
  if (queueUrl === '') queueUrl = str(attrs['aws.sqs.queue.url']);
  if (queueUrl === '' && sqs) queueUrl = str(attrs['url.full']);
  if (queueUrl !== '') aws.queue_url = queueUrl;
  if (sqs) {
    const queueName = str(attrs['aws.sqs.queue.name']) || str(attrs['messaging.destination.name']);
    if (queueName !== '') aws.queue_name = queueName;
  }
  const topicArn = str(attrs['aws.sns.topic.arn']) || snsDestinationArn(attrs);
  if (topicArn !== '') aws.topic_arn = topicArn;
  tableNames(aws, s.tableName, attrs['aws.dynamodb.table_names']);
  return aws;
}

function snsDestinationArn(attrs: TranslatableAttributes): string {
  if (!isSns(attrs)) return '';
  const destination = str(attrs['messaging.destination.name']);
  return destination.startsWith('arn:') ? destination : '';
}

function tableNames(aws: AwsBlock, fromAttribute: string, semconv: unknown): void {
  let tableName = fromAttribute;
  if (Array.isArray(semconv)) {
    if (semconv.length === 1) tableName = str(semconv[0]);
    else if (semconv.length > 1) {
      tableName = '';
      aws.table_names = semconv.map((item) => str(item));
    }
  } else if (typeof semconv === 'string') {
    tableName = semconv;
  }
  if (tableName !== '') aws.table_name = tableName;
}
