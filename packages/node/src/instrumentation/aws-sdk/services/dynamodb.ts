import type { Attributes } from '@opentelemetry/api';
import type { ServiceExtension } from '../aws-sdk-call.ts';

function jsonList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map((item) => JSON.stringify(item));
}

function setTruthy(attributes: Attributes, key: string, value: unknown): void {
  if (value) attributes[key] = value;
}

/**
 * The request attributes of a DynamoDB operation (`db.*`, `aws.dynamodb.*`), by the same rules as
 * `@opentelemetry/instrumentation-aws-sdk`: each attribute only for the operations it belongs to
 * and only when the input has a truthy value.
 */
export function dynamodbRequestAttributes(
  operation: string,
  input: Record<string, unknown>,
  attributes: Attributes,
): void {
  attributes['db.system.name'] = 'aws.dynamodb';
  if (input.TableName !== undefined) attributes['db.namespace'] = input.TableName;
  attributes['db.operation.name'] = operation;
  if (input.TableName) attributes['aws.dynamodb.table_names'] = [input.TableName as string];
  else if (input.RequestItems)
    attributes['aws.dynamodb.table_names'] = Object.keys(input.RequestItems);
  const throughput = input.ProvisionedThroughput as Record<string, number> | undefined;
  if ((operation === 'CreateTable' || operation === 'UpdateTable') && throughput) {
    attributes['aws.dynamodb.provisioned_read_capacity'] = throughput.ReadCapacityUnits;
    attributes['aws.dynamodb.provisioned_write_capacity'] = throughput.WriteCapacityUnits;
  }
  if (operation === 'GetItem' || operation === 'Scan' || operation === 'Query')
    setTruthy(attributes, 'aws.dynamodb.consistent_read', input.ConsistentRead);
  if (operation === 'Query' || operation === 'Scan')
    setTruthy(attributes, 'aws.dynamodb.projection', input.ProjectionExpression);
  if (operation === 'CreateTable') {
    if (input.GlobalSecondaryIndexes)
      attributes['aws.dynamodb.global_secondary_indexes'] = jsonList(input.GlobalSecondaryIndexes);
    if (input.LocalSecondaryIndexes)
      attributes['aws.dynamodb.local_secondary_indexes'] = jsonList(input.LocalSecondaryIndexes);
  }
  if (operation === 'ListTables' || operation === 'Query' || operation === 'Scan')
    setTruthy(attributes, 'aws.dynamodb.limit', input.Limit);
  if (operation === 'ListTables')
    setTruthy(attributes, 'aws.dynamodb.exclusive_start_table', input.ExclusiveStartTableName);
  if (operation === 'Query') {
    setTruthy(attributes, 'aws.dynamodb.scan_forward', input.ScanIndexForward);
    setTruthy(attributes, 'aws.dynamodb.index_name', input.IndexName);
    setTruthy(attributes, 'aws.dynamodb.select', input.Select);
  }
  if (operation === 'Scan') {
    setTruthy(attributes, 'aws.dynamodb.segment', input.Segment);
    setTruthy(attributes, 'aws.dynamodb.total_segments', input.TotalSegments);
    setTruthy(attributes, 'aws.dynamodb.index_name', input.IndexName);
    setTruthy(attributes, 'aws.dynamodb.select', input.Select);
  }
  if (operation === 'UpdateTable') {
    if (input.AttributeDefinitions)
      attributes['aws.dynamodb.attribute_definitions'] = jsonList(input.AttributeDefinitions);
    if (input.GlobalSecondaryIndexUpdates)
      attributes['aws.dynamodb.global_secondary_index_updates'] = jsonList(
        input.GlobalSecondaryIndexUpdates,
      );
  }
}

/** DynamoDB: `DynamoDB.<Operation>` spans with the `db.*`/`aws.dynamodb.*` attributes. */
export const dynamodbExtension: ServiceExtension = {
  start(call, attributes) {
    dynamodbRequestAttributes(call.command, call.input, attributes);
    return undefined;
  },
  respond(_call, span, output) {
    if (output.ConsumedCapacity)
      span.setAttribute('aws.dynamodb.consumed_capacity', jsonList(output.ConsumedCapacity));
    if (output.ItemCollectionMetrics)
      span.setAttribute(
        'aws.dynamodb.item_collection_metrics',
        jsonList(output.ItemCollectionMetrics),
      );
    if (Array.isArray(output.TableNames))
      span.setAttribute('aws.dynamodb.table_count', output.TableNames.length);
    if (output.Count) span.setAttribute('aws.dynamodb.count', output.Count);
    if (output.ScannedCount) span.setAttribute('aws.dynamodb.scanned_count', output.ScannedCount);
  },
};
