// The request properties rules are matched against (spec §8.2), from the resource (fixed per
// sampler) and the span attributes known at span start. Old and new semantic-convention keys are
// both read (user-needs item 10).
import type { Attributes } from '@opentelemetry/api';

/** Resource-derived properties: the same for every span of a process. */
export interface ResourceProperties {
  serviceName: string;
  serviceType: string | undefined;
  /** ECS/EKS/Lambda ARN from the resource, when known. */
  resourceArn: string | undefined;
  /** Lambda without a resource ARN reads `aws.lambda.invoked_arn` from the span. */
  lambda: boolean;
}

/** Span-derived properties. */
export interface SpanProperties {
  host: string | undefined;
  method: string | undefined;
  urlPath: string | undefined;
  resourceArn: string | undefined;
}

/** `cloud.platform` → X-Ray service type (segment `origin`). */
const SERVICE_TYPES: Readonly<Record<string, string>> = {
  aws_lambda: 'AWS::Lambda::Function',
  aws_elastic_beanstalk: 'AWS::ElasticBeanstalk::Environment',
  aws_ec2: 'AWS::EC2::Instance',
  aws_ecs: 'AWS::ECS::Container',
  aws_eks: 'AWS::EKS::Container',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads the fixed properties from resource attributes. */
export function resourceProperties(attributes: Attributes): ResourceProperties {
  const platform = str(attributes['cloud.platform']);
  const lambda = platform === 'aws_lambda';
  return {
    serviceName: str(attributes['service.name']) ?? '',
    serviceType: platform === undefined ? undefined : SERVICE_TYPES[platform],
    resourceArn:
      str(attributes['aws.ecs.container.arn']) ??
      str(attributes['aws.ecs.cluster.arn']) ??
      str(attributes['aws.eks.cluster.arn']) ??
      (lambda ? str(attributes['cloud.resource_id']) : undefined),
    lambda,
  };
}

/** The path of `http.target`-like text (`/a/b?q` → `/a/b`). */
function pathOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** The path of an absolute URL without allocating a `URL` (`http://h:1/a?q` → `/a`). */
function pathOfUrl(url: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1) return undefined;
  const slash = url.indexOf('/', scheme + 3);
  if (slash === -1) return '/';
  return pathOf(url.slice(slash));
}

/** `http.host` carries the Host header (`h:8080`); drop the port so it compares like `server.address`. */
function hostOf(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const colon = host.lastIndexOf(':');
  return colon > 0 && !host.endsWith(']') && /^\d+$/.test(host.slice(colon + 1))
    ? host.slice(0, colon)
    : host;
}

/** Reads the per-span properties from span-start attributes. */
export function spanProperties(
  attributes: Attributes,
  resource: ResourceProperties,
): SpanProperties {
  const target = str(attributes['url.path']) ?? str(attributes['http.target']);
  const full =
    target === undefined ? (str(attributes['url.full']) ?? str(attributes['http.url'])) : undefined;
  return {
    host:
      hostOf(str(attributes['http.host'])) ??
      str(attributes['server.address']) ??
      str(attributes['net.host.name']),
    method: str(attributes['http.request.method']) ?? str(attributes['http.method']),
    urlPath:
      target !== undefined ? pathOf(target) : full !== undefined ? pathOfUrl(full) : undefined,
    resourceArn:
      resource.resourceArn ??
      (resource.lambda ? str(attributes['aws.lambda.invoked_arn']) : undefined),
  };
}
