// Sends a LocalStackLambdaPlan's requests to LocalStack's Lambda API and waits for the function
// to become Active. LocalStack does not check signatures; the Authorization header only names
// the region (its credential scope), as LocalStack reads it.
import type { LambdaApiRequest, LocalStackLambdaPlan } from './localstack-lambda-plan.ts';

/** Where and how to send. */
export interface DeployTarget {
  /** LocalStack's endpoint, e.g. `http://127.0.0.1:4566`. */
  endpoint: string;
  region: string;
  /** Give up waiting for `Active` after this long, ms. Default 120 000 (the first pull of a runtime image). */
  activeTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** The HTTP request (URL and init) of one planned call (pure). */
export function lambdaHttpRequest(
  request: LambdaApiRequest,
  target: Pick<DeployTarget, 'endpoint' | 'region'>,
): { url: string; init: RequestInit } {
  const day = '20260101';
  return {
    url: new URL(request.path, target.endpoint).toString(),
    init: {
      method: request.method,
      headers: {
        'content-type': 'application/json',
        authorization: `AWS4-HMAC-SHA256 Credential=test/${day}/${target.region}/lambda/aws4_request, SignedHeaders=host, Signature=0`,
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    },
  };
}

async function send(request: LambdaApiRequest, target: DeployTarget): Promise<unknown> {
  const { url, init } = lambdaHttpRequest(request, target);
  const res = await (target.fetch ?? fetch)(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${request.label}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

/** Creates the function (and mapping) and resolves once the function is Active. */
export async function deployLocalStackLambda(
  plan: LocalStackLambdaPlan,
  target: DeployTarget,
): Promise<void> {
  const [create, ...rest] = plan.requests;
  if (create !== undefined) await send(create, target);
  const end = Date.now() + (target.activeTimeoutMs ?? 120_000);
  for (;;) {
    const out = (await send(plan.getFunction, target)) as { Configuration?: { State?: string } };
    const state = out.Configuration?.State;
    if (state === 'Active') break;
    if (state === 'Failed')
      throw new Error(`${plan.getFunction.label}: the function failed to create`);
    if (Date.now() > end) throw new Error(`${plan.getFunction.label}: not Active (${state})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const request of rest) await send(request, target);
}
