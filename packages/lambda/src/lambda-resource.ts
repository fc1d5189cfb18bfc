import type { Attributes } from '@opentelemetry/api';

/**
 * The resource attributes of a Lambda execution environment, from the variables Lambda sets
 * (OpenTelemetry's `cloud.*`/`faas.*` conventions, as the collector and X-Ray read them).
 * `service.name`: `serviceName`, else `OTEL_SERVICE_NAME`, else the function name. Pure.
 */
export function lambdaResourceAttributes(env: NodeJS.ProcessEnv, serviceName?: string): Attributes {
  const attributes: Attributes = {
    'service.name':
      serviceName || env.OTEL_SERVICE_NAME || env.AWS_LAMBDA_FUNCTION_NAME || 'unknown_service',
    'cloud.provider': 'aws',
    'cloud.platform': 'aws_lambda',
  };
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (region) attributes['cloud.region'] = region;
  if (env.AWS_LAMBDA_FUNCTION_NAME) attributes['faas.name'] = env.AWS_LAMBDA_FUNCTION_NAME;
  if (env.AWS_LAMBDA_FUNCTION_VERSION) attributes['faas.version'] = env.AWS_LAMBDA_FUNCTION_VERSION;
  if (env.AWS_LAMBDA_LOG_STREAM_NAME) attributes['faas.instance'] = env.AWS_LAMBDA_LOG_STREAM_NAME;
  const memory = Number(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
  // OpenTelemetry gives the limit in bytes; Lambda's variable is in MB.
  if (Number.isFinite(memory) && memory > 0) attributes['faas.max_memory'] = memory * 1024 * 1024;
  if (env.AWS_LAMBDA_LOG_GROUP_NAME)
    attributes['aws.log.group.names'] = [env.AWS_LAMBDA_LOG_GROUP_NAME];
  return attributes;
}
