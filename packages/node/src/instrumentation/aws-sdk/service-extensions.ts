import type { ServiceExtension } from './aws-sdk-call.ts';
import { dynamodbExtension } from './services/dynamodb.ts';
import { lambdaExtension } from './services/lambda.ts';
import {
  kinesisExtension,
  s3Extension,
  secretsManagerExtension,
  stepFunctionsExtension,
} from './services/simple-services.ts';
import { snsExtension } from './services/sns.ts';
import { sqsExtension } from './services/sqs.ts';

/**
 * The extension of each service (by `rpc.service`); other services get only the common attributes.
 * BedrockRuntime, which `@opentelemetry/instrumentation-aws-sdk` also knows (gen_ai attributes,
 * streams, metrics), is not covered: its calls get a plain `BedrockRuntime.<Command>` span.
 */
export const SERVICE_EXTENSIONS: ReadonlyMap<string, ServiceExtension> = new Map([
  ['SQS', sqsExtension],
  ['SNS', snsExtension],
  ['Lambda', lambdaExtension],
  ['DynamoDB', dynamodbExtension],
  ['S3', s3Extension],
  ['Kinesis', kinesisExtension],
  ['SecretsManager', secretsManagerExtension],
  ['SFN', stepFunctionsExtension],
]);
