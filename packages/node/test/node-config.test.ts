import { describe, it, expect } from 'vitest';
import {
  ROOT_CONTEXT,
  trace,
  defaultTextMapGetter,
  defaultTextMapSetter,
} from '@opentelemetry/api';
import { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler } from '@opentelemetry/sdk-trace';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { detectAwsEnvironment, propagatorFromEnv } from '@otel-xray/node';
import { chooseSampler } from '../src/sampler.ts';
import { isAwsSdkRequest } from '../src/internal/aws-sdk-request.ts';

describe('detectAwsEnvironment', () => {
  const none = (): boolean => false;
  it('detects Lambda from its environment', () => {
    expect(
      detectAwsEnvironment({
        env: {
          AWS_LAMBDA_FUNCTION_NAME: 'fn',
          AWS_REGION: 'eu-west-1',
          AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        },
        fileExists: none,
      }),
    ).toEqual({
      'cloud.region': 'eu-west-1',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'faas.name': 'fn',
      'faas.version': '$LATEST',
    });
  });
  it('detects ECS from the metadata URI variable', () => {
    expect(
      detectAwsEnvironment({
        env: { ECS_CONTAINER_METADATA_URI_V4: 'http://169.254.170.2/v4/x' },
        fileExists: none,
      }),
    ).toMatchObject({
      'cloud.platform': 'aws_ecs',
    });
  });
  it('detects EKS only with the service-account token present', () => {
    const env = { KUBERNETES_SERVICE_HOST: '10.0.0.1' };
    expect(detectAwsEnvironment({ env, fileExists: none })).toEqual({});
    expect(
      detectAwsEnvironment({ env, fileExists: (p) => p.includes('serviceaccount') }),
    ).toMatchObject({ 'cloud.platform': 'aws_eks' });
  });
  it('says nothing on a plain machine but the region', () => {
    expect(detectAwsEnvironment({ env: {}, fileExists: none })).toEqual({});
    expect(
      detectAwsEnvironment({ env: { AWS_DEFAULT_REGION: 'us-west-2' }, fileExists: none }),
    ).toEqual({ 'cloud.region': 'us-west-2' });
  });
});

describe('propagatorFromEnv', () => {
  const header = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
  it('extracts X-Amzn-Trace-Id by default', () => {
    const ctx = propagatorFromEnv(undefined).extract(
      ROOT_CONTEXT,
      { 'x-amzn-trace-id': header },
      defaultTextMapGetter,
    );
    expect(trace.getSpanContext(ctx)).toMatchObject({
      traceId: '5759e988bd862e3fe1be46a994272793',
      spanId: '53995c3f42cd8ad8',
      traceFlags: 1,
    });
  });
  it('injects both traceparent and X-Amzn-Trace-Id by default', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '5759e988bd862e3fe1be46a994272793',
      spanId: '53995c3f42cd8ad8',
      traceFlags: 1,
    });
    const carrier: Record<string, string> = {};
    propagatorFromEnv('').inject(ctx, carrier, defaultTextMapSetter);
    expect(Object.keys(carrier).sort()).toEqual(['traceparent', 'x-amzn-trace-id']);
  });
  it('honours OTEL_PROPAGATORS and skips unknown names', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '5759e988bd862e3fe1be46a994272793',
      spanId: '53995c3f42cd8ad8',
      traceFlags: 1,
    });
    const carrier: Record<string, string> = {};
    propagatorFromEnv('xray, bogus').inject(ctx, carrier, defaultTextMapSetter);
    expect(Object.keys(carrier)).toEqual(['x-amzn-trace-id']);
    const none: Record<string, string> = {};
    propagatorFromEnv('none').inject(ctx, none, defaultTextMapSetter);
    expect(none).toEqual({});
  });
});

describe('chooseSampler', () => {
  const resource = resourceFromAttributes({ 'service.name': 'svc' });
  it('maps the OTEL_TRACES_SAMPLER names', () => {
    expect(
      chooseSampler(undefined, { OTEL_TRACES_SAMPLER: 'always_on' }, resource).sampler,
    ).toBeInstanceOf(AlwaysOnSampler);
    expect(
      chooseSampler(undefined, { OTEL_TRACES_SAMPLER: 'always_off' }, resource).sampler,
    ).toBeInstanceOf(AlwaysOffSampler);
    expect(
      chooseSampler(undefined, { OTEL_TRACES_SAMPLER: 'parentbased_always_on' }, resource).sampler,
    ).toBeInstanceOf(ParentBasedSampler);
  });
  it('uses the X-Ray sampler by default and lets the option win over env', async () => {
    const chosen = chooseSampler(undefined, { AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:9' }, resource);
    expect(chosen.sampler.toString()).toMatch(/xray/i);
    await chosen.shutdown();
    expect(
      chooseSampler('always_on', { OTEL_TRACES_SAMPLER: 'always_off' }, resource).sampler,
    ).toBeInstanceOf(AlwaysOnSampler);
  });
});

describe('isAwsSdkRequest', () => {
  it('recognises the SDK by its headers', () => {
    expect(isAwsSdkRequest({ headers: { 'x-amz-user-agent': 'aws-sdk-js/3' } })).toBe(true);
    expect(isAwsSdkRequest({ headers: { 'User-Agent': 'aws-sdk-js/3.1 ua/2.1' } })).toBe(true);
    expect(isAwsSdkRequest({ headers: { 'user-agent': 'curl/8' } })).toBe(false);
    expect(isAwsSdkRequest({})).toBe(false);
  });
});
