import type { Attributes } from '@opentelemetry/api';

/** What {@link detectAwsEnvironment} may look at (injected for tests). */
export interface AwsEnvironmentProbe {
  env: Record<string, string | undefined>;
  /** True when a file exists (used for EKS and Elastic Beanstalk markers). */
  fileExists: (path: string) => boolean;
}

const EKS_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const BEANSTALK_CONF = '/var/elasticbeanstalk/xray/environment.conf';

/**
 * Resource attributes for the AWS compute platform this process runs on, from environment
 * variables and marker files only — no network calls (EC2's metadata service is not queried;
 * pass `@opentelemetry/resource-detector-aws` detectors to `startTracing` for that).
 * `cloud.platform` drives the segment `origin` and the sampler's service type.
 */
export function detectAwsEnvironment(probe: AwsEnvironmentProbe): Attributes {
  const { env } = probe;
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const base: Attributes = region ? { 'cloud.region': region } : {};
  if (env.AWS_LAMBDA_FUNCTION_NAME) {
    return {
      ...base,
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'faas.name': env.AWS_LAMBDA_FUNCTION_NAME,
      ...(env.AWS_LAMBDA_FUNCTION_VERSION
        ? { 'faas.version': env.AWS_LAMBDA_FUNCTION_VERSION }
        : {}),
      ...(env.AWS_LAMBDA_LOG_GROUP_NAME
        ? { 'aws.log.group.names': [env.AWS_LAMBDA_LOG_GROUP_NAME] }
        : {}),
    };
  }
  if (env.ECS_CONTAINER_METADATA_URI_V4 || env.ECS_CONTAINER_METADATA_URI) {
    return { ...base, 'cloud.provider': 'aws', 'cloud.platform': 'aws_ecs' };
  }
  if (env.KUBERNETES_SERVICE_HOST && probe.fileExists(EKS_TOKEN)) {
    return { ...base, 'cloud.provider': 'aws', 'cloud.platform': 'aws_eks' };
  }
  if (probe.fileExists(BEANSTALK_CONF)) {
    return { ...base, 'cloud.provider': 'aws', 'cloud.platform': 'aws_elastic_beanstalk' };
  }
  return base;
}
