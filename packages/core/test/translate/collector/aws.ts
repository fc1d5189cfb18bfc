// aws_test.go of the collector's translator (makeAws: the `aws` block from span and resource
// attributes), restated as data: each row translates a SERVER span with the Go test's attributes and
// resource and checks the Go test's assertions on our `aws` block — re-expressed, not copied.
import { SpanKind } from '@opentelemetry/api';
import { expect } from 'vitest';
import type { Doc, GoFile, Vector } from './support.ts';
import { aws, EMPTY_RESOURCE, goSpan, one } from './support.ts';

const INSTANCE = 'i-00f7c0bcb26da2a99';
const CONTAINER = 'signup_aggregator-x82ufje83';
const CONTAINER_ID = '0123456789A';
const POD = 'my-deployment-65dcf7d447-ddjnl';
const QUEUE = 'https://sqs.use1.amazonaws.com/Meltdown-Alerts';
const ARN1 = 'arn:aws:logs:us-east-1:123456789123:log-group:group1';
const ARN2 = 'arn:aws:logs:us-east-1:123456789123:log-group:group2';

// The resource most aws_test.go cases share: AWS account and zone, a container on a k8s pod on a host.
const K8S_HOST: Record<string, unknown> = {
  'cloud.provider': 'aws',
  'cloud.account.id': '123456789',
  'cloud.availability_zone': 'us-east-1c',
  'container.image.name': 'otel/signupaggregator',
  'container.image.tag': 'v1',
  'k8s.cluster.name': 'production',
  'k8s.namespace.name': 'default',
  'k8s.deployment.name': 'signup_aggregator',
  'k8s.pod.name': POD,
  'container.name': CONTAINER,
  'container.id': CONTAINER_ID,
  'host.id': INSTANCE,
  'host.type': 'm5.xlarge',
};

/** A row: the `aws` block of a SERVER span with these attributes and resource. */
function row(
  go: string,
  attributes: Record<string, unknown>,
  resource: Record<string, unknown>,
  check: (block: Doc) => void,
  logGroupNames?: string[],
): Vector {
  return {
    go,
    span: goSpan(SpanKind.SERVER, 'aws-call', { raw: attributes, resource }),
    ...(logGroupNames === undefined ? {} : { options: { logGroupNames } }),
    asserts: (docs) => check(aws(one(docs))),
  };
}

function logs(...entries: Array<{ log_group: string; arn?: string }>): (block: Doc) => void {
  return (block) => {
    const got = (block.cloudwatch_logs ?? []) as unknown[];
    expect(got).toHaveLength(entries.length);
    for (const entry of entries) expect(got).toContainEqual(entry);
  };
}

function sdk(name: string, version: string, auto?: boolean): (block: Doc) => void {
  return (block) => {
    expect(block.xray).toMatchObject({ sdk: name, sdk_version: version });
    if (auto !== undefined) expect((block.xray as Doc).auto_instrumentation).toBe(auto);
  };
}

const SDK_JAVA = {
  'telemetry.sdk.name': 'opentelemetry',
  'telemetry.sdk.language': 'java',
  'telemetry.sdk.version': '1.2.3',
};

const vectors: Vector[] = [
  row(
    'TestAwsFromEc2Resource',
    {},
    {
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_ec2',
      'cloud.account.id': '123456789',
      'cloud.availability_zone': 'us-east-1c',
      'host.id': INSTANCE,
      'host.type': 'm5.xlarge',
      'host.image.id': 'ami-0123456789',
    },
    (block) => {
      expect(block.account_id).toBe('123456789');
      expect(block.ec2).toStrictEqual({
        instance_id: INSTANCE,
        availability_zone: 'us-east-1c',
        instance_size: 'm5.xlarge',
        ami_id: 'ami-0123456789',
      });
      for (const key of ['ecs', 'elastic_beanstalk', 'eks']) expect(block).not.toHaveProperty(key);
    },
  ),
  row(
    'TestAwsFromEcsResource',
    {},
    {
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_ecs',
      'cloud.account.id': '123456789',
      'cloud.availability_zone': 'us-east-1c',
      'container.image.name': 'otel/signupaggregator',
      'container.image.tag': 'v1',
      'container.name': CONTAINER,
      'container.id': CONTAINER_ID,
      'host.id': INSTANCE,
      'aws.ecs.cluster.arn': 'arn:aws:ecs:us-west-2:123456789123:cluster/my-cluster',
      'aws.ecs.container.arn': 'arn:aws:ecs:us-west-2:123456789123:container-instance/123',
      'aws.ecs.task.arn': 'arn:aws:ecs:us-west-2:123456789123:task/123',
      'aws.ecs.task.family': 'family',
      'aws.ecs.launchtype': 'fargate',
      'host.type': 'm5.xlarge',
    },
    (block) => {
      expect(block).toHaveProperty('ec2');
      for (const key of ['elastic_beanstalk', 'eks']) expect(block).not.toHaveProperty(key);
      expect(block.ecs).toStrictEqual({
        container: CONTAINER,
        container_id: CONTAINER_ID,
        availability_zone: 'us-east-1c',
        cluster_arn: 'arn:aws:ecs:us-west-2:123456789123:cluster/my-cluster',
        container_arn: 'arn:aws:ecs:us-west-2:123456789123:container-instance/123',
        task_arn: 'arn:aws:ecs:us-west-2:123456789123:task/123',
        task_family: 'family',
        launch_type: 'fargate',
      });
    },
  ),
  row(
    'TestAwsFromBeanstalkResource',
    {},
    {
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_elastic_beanstalk',
      'cloud.account.id': '123456789',
      'cloud.availability_zone': 'us-east-1c',
      'service.namespace': 'production',
      'service.instance.id': '232',
      'service.version': '4',
    },
    (block) => {
      for (const key of ['ec2', 'ecs', 'eks']) expect(block).not.toHaveProperty(key);
      expect(block.elastic_beanstalk).toStrictEqual({
        environment_name: 'production',
        version_label: '4',
        deployment_id: 232,
      });
    },
  ),
  row('TestAwsFromEksResource', {}, { ...K8S_HOST, 'cloud.platform': 'aws_eks' }, (block) => {
    expect(block).toHaveProperty('ec2');
    for (const key of ['ecs', 'elastic_beanstalk']) expect(block).not.toHaveProperty(key);
    expect(block.eks).toStrictEqual({
      cluster_name: 'production',
      pod: POD,
      container_id: CONTAINER_ID,
    });
  }),
  row(
    'TestAwsWithAwsSqsResources',
    {
      'aws.operation': 'SendMessage',
      'aws.account_id': '987654321',
      'aws.region': 'us-east-2',
      'aws.queue_url': QUEUE,
      'employee.id': 'XB477',
    },
    K8S_HOST,
    (block) => expect(block).toMatchObject({ queue_url: QUEUE, region: 'us-east-2' }),
  ),
  row('TestAwsWithRpcAttributes', { 'rpc.method': 'ListBuckets' }, EMPTY_RESOURCE, (block) =>
    expect(block.operation).toBe('ListBuckets'),
  ),
  row('TestAwsWithSqsAlternateAttribute', { 'aws.queue.url': QUEUE }, EMPTY_RESOURCE, (block) =>
    expect(block.queue_url).toBe(QUEUE),
  ),
  row('TestAwsWithAwsSqsSemConvAttributes', { 'messaging.url': QUEUE }, EMPTY_RESOURCE, (block) =>
    expect(block.queue_url).toBe(QUEUE),
  ),
  row(
    'TestAwsWithAwsDynamoDbResources',
    {
      'rpc.method': 'IncorrectAWSSDKOperation',
      'aws.operation': 'PutItem',
      'aws.request_id': '75107C82-EC8A-4F75-883F-4440B491B0AB',
      'aws.table_name': 'WIDGET_TYPES',
    },
    { ...K8S_HOST, 'container.name': CONTAINER },
    (block) =>
      expect(block).toMatchObject({
        operation: 'PutItem',
        request_id: '75107C82-EC8A-4F75-883F-4440B491B0AB',
        table_name: 'WIDGET_TYPES',
      }),
  ),
  row('TestAwsWithDynamoDbAlternateAttribute', { 'aws.table.name': 'MyTable' }, {}, (block) =>
    expect(block.table_name).toBe('MyTable'),
  ),
  row(
    'TestAwsWithDynamoDbSemConvAttributes',
    { 'aws.dynamodb.table_names': ['MyTable'] },
    EMPTY_RESOURCE,
    (block) => expect(block.table_name).toBe('MyTable'),
  ),
  row(
    'TestAwsWithDynamoDbSemConvAttributesString',
    { 'aws.dynamodb.table_names': 'MyTable' },
    EMPTY_RESOURCE,
    (block) => expect(block.table_name).toBe('MyTable'),
  ),
  row(
    'TestAwsWithRequestIdAlternateAttribute',
    { 'aws.requestId': '12345-request' },
    EMPTY_RESOURCE,
    (block) => expect(block.request_id).toBe('12345-request'),
  ),
  row('TestJavaSDK', {}, SDK_JAVA, sdk('opentelemetry for java', '1.2.3')),
  row(
    'TestJavaAutoInstrumentation',
    {},
    { ...SDK_JAVA, 'telemetry.auto.version': '3.4.5' },
    sdk('opentelemetry for java', '1.2.3', true),
  ),
  row(
    'TestJavaAutoInstrumentationStable',
    {},
    { ...SDK_JAVA, 'telemetry.distro.version': '3.4.5' },
    sdk('opentelemetry for java', '1.2.3', true),
  ),
  row(
    'TestGoSDK',
    {},
    {
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.language': 'go',
      'telemetry.sdk.version': '2.0.3',
    },
    sdk('opentelemetry for go', '2.0.3'),
  ),
  row(
    'TestCustomSDK',
    {},
    {
      'telemetry.sdk.name': 'opentracing',
      'telemetry.sdk.language': 'java',
      'telemetry.sdk.version': '2.0.3',
    },
    sdk('opentracing for java', '2.0.3'),
  ),
  row(
    'TestLogGroups',
    {},
    { 'aws.log.group.names': ['group1', 'group2'] },
    logs({ log_group: 'group1' }, { log_group: 'group2' }),
  ),
  row(
    'TestLogGroupsFromArns',
    {},
    { 'aws.log.group.arns': [ARN1, `${ARN2}:*`] },
    logs({ log_group: 'group1', arn: ARN1 }, { log_group: 'group2', arn: `${ARN2}:*` }),
  ),
  row(
    'TestLogGroupsFromStringResourceAttribute',
    {},
    { 'aws.log.group.names': 'group1' },
    logs({ log_group: 'group1' }),
  ),
  // One Go test, five resources: '&' separates names as OTEL_RESOURCE_ATTRIBUTES writes a list.
  ...['group1&group2', 'group1&group2&', 'group1&&group2', '&group1&group2'].map((names) =>
    row(
      `TestLogGroupsWithAmpersandFromStringResourceAttribute (${names})`,
      {},
      { 'aws.log.group.names': names },
      logs({ log_group: 'group1' }, { log_group: 'group2' }),
    ),
  ),
  row(
    'TestLogGroupsWithAmpersandFromStringResourceAttribute (&)',
    {},
    { 'aws.log.group.names': '&' },
    logs(),
  ),
  row('TestLogGroupsInvalidType', {}, { 'aws.log.group.names': 1 }, logs()),
  row(
    'TestLogGroupsArnsFromStringResourceAttributes',
    {},
    { 'aws.log.group.arns': ARN1 },
    logs({ log_group: 'group1', arn: ARN1 }),
  ),
  row(
    'TestLogGroupsArnsWithAmpersandFromStringResourceAttributes',
    {},
    { 'aws.log.group.arns': `${ARN1}&${ARN2}` },
    logs({ log_group: 'group1', arn: ARN1 }, { log_group: 'group2', arn: ARN2 }),
  ),
  row(
    'TestLogGroupsFromConfig',
    {},
    EMPTY_RESOURCE,
    logs({ log_group: 'logGroup1' }, { log_group: 'logGroup2' }),
    ['logGroup1', 'logGroup2'],
  ),
];

/** The rows of aws_test.go. */
export const awsFile: GoFile = { file: 'aws_test.go', vectors };
