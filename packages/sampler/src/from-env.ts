// Configuration from the environment, for `OTEL_TRACES_SAMPLER=xray` in `@otel-xray/node`.
// OTEL_TRACES_SAMPLER_ARG uses the contrib sampler's form: `endpoint=http://host:2000,polling_interval=300`.
import { diag } from '@opentelemetry/api';
import { xrayParentBasedSampler, type XRayParentBasedSampler } from './parent-based.ts';
import { XRaySampler, type XRaySamplerOptions } from './xray-sampler.ts';

/** Keys understood in `OTEL_TRACES_SAMPLER_ARG`. */
const ARG_KEYS = ['endpoint', 'polling_interval', 'rules_file', 'centralized'] as const;

/** The TCP (sampling proxy) part of `AWS_XRAY_DAEMON_ADDRESS` (spec §3.4), as a base URL. */
export function daemonSamplingEndpoint(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const parts = value.trim().split(/\s+/);
  const tcp = parts.length === 1 ? parts[0] : parts.find((p) => /^tcp:/i.test(p))?.slice(4);
  const match = tcp === undefined ? null : /^([^:\s]+):(\d{1,5})$/.exec(tcp);
  return match ? `http://${match[1]}:${match[2]}` : undefined;
}

/** Parses `OTEL_TRACES_SAMPLER_ARG`; unknown keys and bad values warn and are ignored. */
export function parseSamplerArg(arg: string | undefined): Partial<XRaySamplerOptions> {
  const out: Partial<XRaySamplerOptions> = {};
  for (const pair of (arg ?? '').split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.indexOf('=');
    const key = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    const value = eq === -1 ? '' : pair.slice(eq + 1).trim();
    if (key === 'endpoint' && /^https?:\/\//.test(value)) out.endpoint = value;
    else if (key === 'polling_interval' && Number(value) > 0)
      out.rulesPollingIntervalSeconds = Number(value);
    else if (key === 'rules_file' && value) out.localRules = value;
    else if (key === 'centralized' && (value === 'true' || value === 'false'))
      out.centralized = value === 'true';
    else {
      diag.warn(
        `OTEL_TRACES_SAMPLER_ARG: ignoring '${pair.trim()}' (known keys: ${ARG_KEYS.join(', ')})`,
      );
    }
  }
  return out;
}

/**
 * Builds the parent-based X-Ray sampler from `OTEL_TRACES_SAMPLER_ARG`, `AWS_XRAY_DAEMON_ADDRESS`
 * and `OTEL_SERVICE_NAME` (when no resource is given). The argument's endpoint wins over the
 * daemon address; the default is `http://127.0.0.1:2000`.
 *
 * @example
 * // OTEL_TRACES_SAMPLER=xray OTEL_TRACES_SAMPLER_ARG=endpoint=http://127.0.0.1:2000,polling_interval=60
 * const sampler = createXRaySamplerFromEnv(process.env, { resource });
 */
export function createXRaySamplerFromEnv(
  env: Record<string, string | undefined> = process.env,
  options: XRaySamplerOptions = {},
): XRayParentBasedSampler {
  const fromArg = parseSamplerArg(env['OTEL_TRACES_SAMPLER_ARG']);
  const endpoint = fromArg.endpoint ?? daemonSamplingEndpoint(env['AWS_XRAY_DAEMON_ADDRESS']);
  const serviceName = env['OTEL_SERVICE_NAME'];
  const resource =
    options.resource ?? (serviceName ? { attributes: { 'service.name': serviceName } } : undefined);
  const merged: XRaySamplerOptions = { ...options, ...fromArg };
  if (endpoint !== undefined) merged.endpoint = endpoint;
  if (resource) merged.resource = resource;
  return xrayParentBasedSampler(new XRaySampler(merged));
}
