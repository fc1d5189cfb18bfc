import { defineConfig } from 'vitest/config';

// One vitest run, two projects:
//  - unit: pure logic and in-process servers on real loopback sockets; no emulator
//  - integration: needs LocalStack (started once by the global setup) and real processes
export default defineConfig({
  // Workspace packages export `otel-xray-source` (their TypeScript; a name no consumer sets) so tests run without a build.
  resolve: { conditions: ['otel-xray-source', 'node', 'development|production'] },
  ssr: {
    resolve: {
      conditions: ['otel-xray-source', 'node', 'development|production'],
      externalConditions: ['otel-xray-source'],
    },
  },
  environments: {
    ssr: { resolve: { conditions: ['otel-xray-source', 'node', 'development|production'] } },
    // the environment vitest loads globalSetup files in
    __vitest__: { resolve: { conditions: ['otel-xray-source', 'node', 'development|production'] } },
  },
  test: {
    pool: 'forks',
    server: { deps: { inline: [/@otel-xray\//] } },
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'packages/*/test/**/*.int.test.ts',
            'services/*/test/**/*.int.test.ts',
            'integration/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          globalSetup: ['./scripts/vitest-emulator-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
