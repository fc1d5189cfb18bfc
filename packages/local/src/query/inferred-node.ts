import { obj, str, type Entity } from './entity.ts';

/** Name and type of the graph node a downstream-call subsegment stands for. */
export interface InferredNode {
  name: string;
  type: string;
}

/**
 * The node X-Ray infers for a subsegment whose callee sends no segment (spec §7): `aws` calls give
 * `AWS::<Service>`, or `AWS::<Service>::<Resource>` named after the resource when one is known
 * (SQS queue from `queue_url`, SNS topic from `topic_arn`, DynamoDB table from `table_name`);
 * `remote` calls give a `remote` node named after the subsegment. Undefined for local work.
 */
export function inferredNode(sub: Entity): InferredNode | undefined {
  const namespace = str(sub, 'namespace');
  const name = str(sub, 'name') ?? 'unknown';
  if (namespace === 'remote') return { name, type: 'remote' };
  if (namespace !== 'aws') return undefined;
  const aws = obj(sub, 'aws');
  const service = awsService(name);
  const queueUrl = str(aws, 'queue_url');
  if (queueUrl !== undefined) return { name: lastPart(queueUrl, '/'), type: 'AWS::SQS::Queue' };
  const topic = str(aws, 'topic_arn') ?? str(aws, 'target_arn');
  if (topic !== undefined && service === 'SNS')
    return { name: lastPart(topic, ':'), type: 'AWS::SNS::Topic' };
  const table = str(aws, 'table_name');
  if (table !== undefined) return { name: table, type: 'AWS::DynamoDB::Table' };
  return { name, type: `AWS::${service}` };
}

function awsService(name: string): string {
  const bare = name.replace(/^(Amazon|AWS)\s*/i, '').replace(/\s+/g, '');
  const upper = bare.toUpperCase();
  if (upper === 'SQS' || upper === 'SNS' || upper === 'S3' || upper === 'STS') return upper;
  if (upper === 'DYNAMODB') return 'DynamoDB';
  return bare.length > 0 ? bare : 'Unknown';
}

function lastPart(text: string, separator: string): string {
  const trimmed = text.replace(/\/+$/, '');
  const part = trimmed.slice(trimmed.lastIndexOf(separator) + 1);
  return part.length > 0 ? part : trimmed;
}
