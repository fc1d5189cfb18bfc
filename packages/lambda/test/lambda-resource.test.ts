import { describe, expect, it } from 'vitest';
import { lambdaResourceAttributes } from '../src/lambda-resource.ts';

describe('lambdaResourceAttributes', () => {
  it('reads the variables Lambda sets', () => {
    expect(
      lambdaResourceAttributes({
        AWS_REGION: 'eu-west-1',
        AWS_LAMBDA_FUNCTION_NAME: 'notifications',
        AWS_LAMBDA_FUNCTION_VERSION: '7',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
        AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/notifications',
        AWS_LAMBDA_LOG_STREAM_NAME: '2026/12/06/[7]abc',
      }),
    ).toEqual({
      'service.name': 'notifications',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'cloud.region': 'eu-west-1',
      'faas.name': 'notifications',
      'faas.version': '7',
      'faas.instance': '2026/12/06/[7]abc',
      'faas.max_memory': 134_217_728,
      'aws.log.group.names': ['/aws/lambda/notifications'],
    });
  });

  it('prefers the given service name, then OTEL_SERVICE_NAME', () => {
    const env = { OTEL_SERVICE_NAME: 'svc', AWS_LAMBDA_FUNCTION_NAME: 'fn' };
    expect(lambdaResourceAttributes(env)['service.name']).toBe('svc');
    expect(lambdaResourceAttributes(env, 'given')['service.name']).toBe('given');
  });

  it('ignores a memory size that is not a number', () => {
    expect(
      lambdaResourceAttributes({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: 'lots' })['faas.max_memory'],
    ).toBeUndefined();
  });
});
