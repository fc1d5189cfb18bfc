import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inheritedEnv } from '../src/service-env.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The service code and the libraries that run inside each service process. */
const SOURCES = [
  'services/orders/src',
  'services/inventory/src',
  'services/shipping/src',
  'services/audit/src',
  'services/kit/src',
  'packages/node/src',
  'packages/exporter/src',
  'packages/sampler/src',
  'packages/propagation/src',
  'packages/core/src',
];

/** Set by `startSystem` for each service: the provisioned URLs/ARN, orders' port and URL, the name. */
const SET_BY_SYSTEM = new Set([
  ...[
    ...readFileSync(`${root}services/kit/src/provision.ts`, 'utf8').matchAll(
      /^\s+([A-Z][A-Z0-9_]+): /gm,
    ),
  ].map((m) => m[1]!),
  'PORT',
  'ORDERS_URL',
  'OTEL_SERVICE_NAME',
]);

/** Read by the tracing libraries to detect Lambda, ECS or EKS: they describe the parent, never a service it starts. */
const PLATFORM = new Set([
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  '_X_AMZN_TRACE_ID',
  'ECS_CONTAINER_METADATA_URI',
  'ECS_CONTAINER_METADATA_URI_V4',
  'KUBERNETES_SERVICE_HOST',
]);

const READ_PATTERNS = [
  /\benv(?:\.([A-Z_][A-Z0-9_]*)|\['([A-Z_][A-Z0-9_]*)'\])/g,
  /\b(?:requireEnv|intEnv)\('([A-Z_][A-Z0-9_]*)'/g,
  /_ENV = '([A-Z_][A-Z0-9_]*)'/g,
];

/** Every environment variable named in `SOURCES` (env.X, env['X'], requireEnv('X'), …). */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  for (const dir of SOURCES) {
    for (const file of readdirSync(`${root}${dir}`, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(`${root}${dir}/${file}`, 'utf8');
      for (const pattern of READ_PATTERNS)
        for (const match of text.matchAll(pattern)) names.add((match[1] ?? match[2])!);
    }
  }
  return names;
}

describe('inheritedEnv', () => {
  describe('with secrets in the parent', () => {
    it('passes neither LOCALSTACK_AUTH_TOKEN nor anything else off the list', () => {
      const parent = {
        LOCALSTACK_AUTH_TOKEN: 'ls-token',
        SECRET_X: 'x',
        GITHUB_TOKEN: 'ghp',
        NPM_TOKEN: 'npm',
        AWS_PROFILE: 'prod',
        AWS_WEB_IDENTITY_TOKEN_FILE: '/var/token',
        NODE_OPTIONS: '--inspect',
        AWS_LAMBDA_FUNCTION_NAME: 'parent-fn',
        PATH: '/usr/bin',
        AWS_REGION: 'us-east-1',
      };
      expect(inheritedEnv(parent)).toEqual({ PATH: '/usr/bin', AWS_REGION: 'us-east-1' });
    });
  });

  describe('with the settings of the SDK clients and of tracing', () => {
    it('passes region, endpoints, credentials, the daemon address and every OTEL_ variable', () => {
      const parent = {
        AWS_REGION: 'eu-west-1',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
        AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_RESOURCE_ATTRIBUTES: 'team=a',
        UNSET: undefined,
      };
      const { UNSET: _unset, ...set } = parent;
      expect(inheritedEnv(parent)).toEqual(set);
    });
  });

  describe('with every variable the services and their tracing read', () => {
    it('passes each one that startSystem does not set itself', () => {
      const read = [...variablesRead()];
      expect(read).toEqual(expect.arrayContaining(['ORDERS_TOPIC_ARN', 'OTEL_TRACES_SAMPLER']));
      const expected = read.filter((name) => !SET_BY_SYSTEM.has(name) && !PLATFORM.has(name));
      const parent = Object.fromEntries(expected.map((name) => [name, 'v']));
      expect(Object.keys(inheritedEnv(parent)).sort()).toEqual(expected.sort());
    });
  });
});
