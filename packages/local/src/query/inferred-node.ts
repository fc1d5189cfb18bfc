import { obj, str, type Entity } from './entity.ts';

/** Name, type and resource of the graph node a downstream-call subsegment stands for. */
export interface InferredNode {
  /** The subsegment's name, as X-Ray names the inferred segment (`SQS`, `DynamoDB`, …). */
  name: string;
  type: string;
  /** The resource called (queue, topic, table, bucket name), when the subsegment names one. */
  resource?: string;
}

/**
 * The node X-Ray infers for a subsegment whose callee sends no segment (spec §7). Named after the
 * subsegment, never after the resource: X-Ray's own output shows inferred segments
 * `{name: "SNS", origin: "AWS::SNS"}` for a Publish with `topic_arn`, `{name: "S3", origin:
 * "AWS::S3::Bucket"}` for a PutObject with `bucket_name` (BatchGetTraces output of an X-Ray SDK
 * for Node.js service, published on GitHub in 2022), and AWS's IATK asserts `{origin:
 * "AWS::DynamoDB::Table", name: "DynamoDB"}`. The type is `AWS::<Service>`, or a resource type
 * where X-Ray uses one (`AWS::SQS::Queue` with `queue_url`, `AWS::DynamoDB::Table` with
 * `table_name`, `AWS::S3::Bucket` with `bucket_name`; SNS stays `AWS::SNS`). The resource stays
 * in `resource` (and in the segment's `aws` block). `remote` calls give a `remote` node named
 * after the subsegment. Undefined for local work. See README "Inferred segments".
 */
export function inferredNode(sub: Entity): InferredNode | undefined {
  const namespace = str(sub, 'namespace');
  const name = str(sub, 'name') ?? 'unknown';
  if (namespace === 'remote') return { name, type: 'remote' };
  if (namespace !== 'aws') return undefined;
  const aws = obj(sub, 'aws');
  const service = awsService(name);
  const node: InferredNode = { name, type: `AWS::${service}` };
  const resource = inferredResource(aws);
  if (resource !== undefined) node.resource = resource;
  if (str(aws, 'queue_url') !== undefined) node.type = 'AWS::SQS::Queue';
  else if (str(aws, 'table_name') !== undefined) node.type = 'AWS::DynamoDB::Table';
  else if (str(aws, 'bucket_name') !== undefined && service === 'S3') node.type = 'AWS::S3::Bucket';
  return node;
}

/**
 * The resource an AWS call's `aws` block names: the queue in `queue_url`, the topic in
 * `topic_arn`/`target_arn`, `table_name` or `bucket_name`. Undefined when it names none.
 */
export function inferredResource(aws: Entity | undefined): string | undefined {
  const queueUrl = str(aws, 'queue_url');
  if (queueUrl !== undefined) return lastPart(queueUrl, '/');
  const topic = str(aws, 'topic_arn') ?? str(aws, 'target_arn');
  if (topic !== undefined) return lastPart(topic, ':');
  return str(aws, 'table_name') ?? str(aws, 'bucket_name');
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
