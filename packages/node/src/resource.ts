import { existsSync } from 'node:fs';
import type { Attributes } from '@opentelemetry/api';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
  type Resource,
  type ResourceDetector,
} from '@opentelemetry/resources';
import { detectAwsEnvironment } from './aws-environment.ts';

/**
 * The process's resource: SDK defaults, the AWS platform from env/marker files,
 * `OTEL_RESOURCE_ATTRIBUTES`, extra detectors, then explicit attributes and `service.name`
 * (option, else `OTEL_SERVICE_NAME`) last so they win. The host and process detectors are left out
 * on purpose: translation turns `host.id` into an `aws.ec2` block (collector rule) and every
 * resource attribute into segment metadata, which would put a bogus EC2 instance and the full
 * command line on every segment; pass them in `resourceDetectors` if you want them.
 */
export function buildResource(
  env: Record<string, string | undefined>,
  serviceName: string | undefined,
  attributes: Attributes = {},
  detectors: ResourceDetector[] = [],
): Resource {
  const detected = detectResources({
    detectors: [envDetector, ...detectors],
  });
  const aws = resourceFromAttributes(detectAwsEnvironment({ env, fileExists: existsSync }));
  const name = serviceName ?? env.OTEL_SERVICE_NAME;
  const explicit = resourceFromAttributes({
    ...attributes,
    ...(name ? { 'service.name': name } : {}),
  });
  return defaultResource().merge(aws).merge(detected).merge(explicit);
}
