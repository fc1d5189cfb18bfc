// Everything a document takes from the resource (origin, service, aws context, otel.resource.* entries),
// computed once per resource attribute object and cached (spec/translation.md §3, §6, §8).
import type { AnnotationValue, AwsBlock } from '../../segment-document.ts';
import type { TranslatableAttributes } from '../translatable-span.ts';
import { annotationValue, rawValue, str } from './attribute-values.ts';
import type { MemberKey } from './member-key.ts';
import { flat } from './json-text.ts';
import { memberKey } from './member-key.ts';
import { atoi } from './numbers.ts';
import { textSize } from './text-size.ts';

/** One resource attribute as stored on segments. */
export interface ResourceEntry {
  /** `otel.resource.<key>`. */
  key: string;
  /** The key as the start of a JSON member. */
  member: MemberKey;
  /** Scalar annotation value, or undefined for arrays/maps. */
  annotation: AnnotationValue | undefined;
  /** JSON-safe raw value for metadata, or undefined for an empty value. */
  raw: unknown;
}

/** Log group entry of `aws.cloudwatch_logs`. */
export type LogGroup = { log_group?: string; arn?: string };

/** Resource-derived parts of a document. */
export interface ResourceInfo {
  /** `origin`, or undefined. */
  origin: string | undefined;
  /** `service` block, or undefined. */
  service: { version?: string } | undefined;
  /** `cloud.provider` is set to something other than `aws`: no `aws` block. */
  noAwsBlock: boolean;
  /** `service.name`. */
  serviceName: string;
  /** `telemetry.sdk.language`. */
  language: string;
  /** `cloud.account.id`. */
  accountId: string;
  /** Resource part of the `aws` block (ec2, ecs, eks, elastic_beanstalk, xray). */
  aws: AwsBlock;
  /** Log groups named by the resource, or undefined. */
  logGroups: LogGroup[] | undefined;
  /** `otel.resource.*` entries. */
  entries: ResourceEntry[];
  /** The entries as `metadata.default` members (when none is indexed). */
  defaults: Record<string, unknown>;
  /** Number of members in `defaults`. */
  defaultCount: number;
  /** `,"metadata":{"default":{` and the JSON text of the `defaults` members (no closing braces). */
  metadataJson: string;
  /** `,"service":` and the JSON text of `service`, or undefined. */
  serviceJson: string | undefined;
  /** `,"origin":` and the JSON text of `origin`, or undefined. */
  originJson: string | undefined;
  /** Characters of keys and values, for the 64 KB check. */
  textChars: number;
}

const cache = new WeakMap<object, ResourceInfo>();

// Spans of one resource arrive together: the last one is checked before the cache.
let lastAttrs: TranslatableAttributes | undefined;
let lastInfo: ResourceInfo | undefined;

/** The resource info of an attribute map (cached per map object). */
export function resourceInfo(attrs: TranslatableAttributes): ResourceInfo {
  if (attrs === lastAttrs && lastInfo !== undefined) return lastInfo;
  let info = cache.get(attrs);
  if (info === undefined) {
    info = computeResourceInfo(attrs);
    cache.set(attrs, info);
  }
  lastAttrs = attrs;
  lastInfo = info;
  return info;
}

const ORIGINS: Record<string, string> = {
  aws_app_runner: 'AWS::AppRunner::Service',
  aws_eks: 'AWS::EKS::Container',
  aws_elastic_beanstalk: 'AWS::ElasticBeanstalk::Environment',
  aws_ec2: 'AWS::EC2::Instance',
};

function origin(attrs: TranslatableAttributes, keys: string[]): string | undefined {
  if (keys.length === 0) return undefined;
  if (Object.hasOwn(attrs, 'cloud.provider') && str(attrs['cloud.provider']) !== 'aws')
    return undefined;
  if (!Object.hasOwn(attrs, 'cloud.platform')) return undefined;
  const platform = str(attrs['cloud.platform']);
  if (platform === 'aws_ecs') {
    if (!Object.hasOwn(attrs, 'aws.ecs.launchtype')) return 'AWS::ECS::Container';
    const launchType = str(attrs['aws.ecs.launchtype']);
    if (launchType === 'ec2') return 'AWS::ECS::EC2';
    if (launchType === 'fargate') return 'AWS::ECS::Fargate';
    return 'AWS::ECS::Container';
  }
  return Object.hasOwn(ORIGINS, platform) ? ORIGINS[platform] : undefined;
}

function service(attrs: TranslatableAttributes): { version?: string } | undefined {
  const key = Object.hasOwn(attrs, 'service.version')
    ? 'service.version'
    : Object.hasOwn(attrs, 'container.image.tag')
      ? 'container.image.tag'
      : undefined;
  if (key === undefined) return undefined;
  const version = str(attrs[key]);
  return version === '' ? {} : { version };
}

/** Splits `a&b&` style strings (OTEL_RESOURCE_ATTRIBUTES) and keeps arrays; other types give []. */
export function toLogGroupList(value: unknown): unknown[] {
  if (typeof value === 'string') return value.split('&').filter((item) => item !== '');
  return Array.isArray(value) ? value : [];
}

/** Log group entries from names, or from ARNs (the name is the 7th `:` field of an ARN). */
export function logGroupEntries(items: readonly unknown[], areArns: boolean): LogGroup[] {
  return items.map((item) => {
    const text = str(item);
    // The collector writes `"log_group": null` for an empty name; omitting it means the same.
    if (!areArns) return text === '' ? {} : { log_group: text };
    const parts = text.split(':');
    const name = parts.length >= 7 ? (parts[6] ?? '') : text;
    const entry: LogGroup = name === '' ? {} : { log_group: name };
    if (text !== '') entry.arn = text;
    return entry;
  });
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

function awsContext(a: TranslatableAttributes): AwsBlock {
  const aws: AwsBlock = {};
  const platform = str(a['cloud.platform']);
  const zone = str(a['cloud.availability_zone']);
  const containerId = str(a['container.id']);
  if (platform === 'aws_elastic_beanstalk' && str(a['service.instance.id']) !== '') {
    aws.elastic_beanstalk = {
      environment_name: orNull(str(a['service.namespace'])),
      version_label: orNull(str(a['service.version'])),
      deployment_id: atoi(str(a['service.instance.id'])),
    };
  }
  if (platform === 'aws_ecs') {
    const ecs: Record<string, string> = {};
    const pairs: Array<[string, string]> = [
      ['container', str(a['container.name'])],
      ['container_id', containerId],
      ['task_arn', str(a['aws.ecs.task.arn'])],
      ['task_family', str(a['aws.ecs.task.family'])],
      ['cluster_arn', str(a['aws.ecs.cluster.arn'])],
      ['container_arn', str(a['aws.ecs.container.arn'])],
      ['availability_zone', zone],
      ['launch_type', str(a['aws.ecs.launchtype'])],
    ];
    for (const [k, v] of pairs) if (v !== '') ecs[k] = v;
    aws.ecs = ecs;
  }
  const hostId = str(a['host.id']);
  if (platform === 'aws_ec2' || hostId !== '') {
    aws.ec2 = {
      instance_id: orNull(hostId),
      availability_zone: orNull(zone),
      instance_size: orNull(str(a['host.type'])),
      ami_id: orNull(str(a['host.image.id'])),
    };
  }
  const cluster = str(a['k8s.cluster.name']);
  if (platform === 'aws_eks' || cluster !== '') {
    aws.eks = {
      cluster_name: orNull(cluster),
      pod: orNull(str(a['k8s.pod.name'])),
      container_id: orNull(containerId),
    };
  }
  const sdkName = str(a['telemetry.sdk.name']);
  const language = str(a['telemetry.sdk.language']);
  const sdk = sdkName !== '' && language !== '' ? `${sdkName} for ${language}` : sdkName;
  const sdkVersion = str(a['telemetry.sdk.version']);
  const xray: NonNullable<AwsBlock['xray']> = {};
  if (sdk !== '') xray.sdk = sdk;
  if (sdkVersion !== '') xray.sdk_version = sdkVersion;
  xray.auto_instrumentation =
    str(a['telemetry.auto.version']) !== '' || str(a['telemetry.distro.version']) !== '';
  aws.xray = xray;
  return aws;
}

function computeResourceInfo(attrs: TranslatableAttributes): ResourceInfo {
  const keys = Object.keys(attrs);
  const entries: ResourceEntry[] = [];
  const defaults: Record<string, unknown> = {};
  let textChars = 0;
  for (const key of keys) {
    const value = attrs[key];
    const entryKey = `otel.resource.${key}`;
    const entry: ResourceEntry = {
      key: entryKey,
      member: memberKey(entryKey),
      annotation: annotationValue(value),
      raw: rawValue(value),
    };
    entries.push(entry);
    if (entry.raw !== undefined) defaults[entry.key] = entry.raw;
    textChars += entry.key.length + textSize(value);
  }
  const provider = str(attrs['cloud.provider']);
  const serviceBlock = service(attrs);
  const originName = origin(attrs, keys);
  const arns = toLogGroupList(attrs['aws.log.group.arns']);
  const names = toLogGroupList(attrs['aws.log.group.names']);
  return {
    origin: originName,
    service: serviceBlock,
    serviceJson:
      serviceBlock === undefined ? undefined : flat(`,"service":${JSON.stringify(serviceBlock)}`),
    originJson:
      originName === undefined ? undefined : flat(`,"origin":${JSON.stringify(originName)}`),
    noAwsBlock: provider !== '' && provider !== 'aws',
    serviceName: str(attrs['service.name']),
    language: str(attrs['telemetry.sdk.language']),
    accountId: str(attrs['cloud.account.id']),
    aws: awsContext(attrs),
    logGroups:
      arns.length > 0
        ? logGroupEntries(arns, true)
        : names.length > 0
          ? logGroupEntries(names, false)
          : undefined,
    entries,
    defaults,
    defaultCount: Object.keys(defaults).length,
    metadataJson: flat(`,"metadata":{"default":${JSON.stringify(defaults).slice(0, -1)}`),
    textChars,
  };
}
