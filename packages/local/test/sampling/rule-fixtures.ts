// Builders for CreateSamplingRule inputs shared by the sampling tests.
export function ruleInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SamplingRule: {
      RuleName: 'order-service-adaptive',
      ResourceARN: '*',
      Priority: 100,
      FixedRate: 0.05,
      ReservoirSize: 10,
      ServiceName: 'orders',
      ServiceType: '*',
      Host: '*',
      HTTPMethod: '*',
      URLPath: '*',
      Version: 1,
      ...overrides,
    },
  };
}

/** A fake clock in epoch milliseconds. */
export function fakeClock(start = 1_700_000_000_000): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A 24-hex client ID derived from a small number. */
export function clientId(n: number): string {
  return n.toString(16).padStart(24, '0');
}
