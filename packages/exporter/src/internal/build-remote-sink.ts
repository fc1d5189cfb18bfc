// The `api` and `otlp` transports, loaded with import() by build-sink.ts only when configured.
import { diag } from '@opentelemetry/api';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { IExporterTransport, OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { ExporterStats, XRayExporterConfig } from '../types.ts';
import { createApiTransport } from './api-transport.ts';
import type { DocumentTransport } from './document-transport.ts';
import { createOtlpSigningTransport } from './otlp-signing-transport.ts';
import { createOtlpSpanExporter } from './otlp-span-exporter.ts';
import { OtlpSink } from './otlp-sink.ts';
import type { ResolvedNumbers } from './resolve-config.ts';
import { resolveRegion } from './resolve-config.ts';
import { createSignedPost } from './signed-post.ts';
import type { SpanSink } from './span-sink.ts';
import { createXRayClient } from './xray-client.ts';

/** Builds the `otlp` sink. */
export function buildOtlpSink(
  config: XRayExporterConfig,
  numbers: ResolvedNumbers,
  stats: ExporterStats,
): SpanSink {
  const { exporter, transport } = buildOtlpExporter(config, numbers, stats);
  return new OtlpSink({ ...numbers, exporter, transport, stats });
}

/** Builds the `api` transport. */
export function buildApiTransport(
  config: XRayExporterConfig,
  numbers: ResolvedNumbers,
  stats: ExporterStats,
): DocumentTransport {
  const client = createXRayClient({
    endpoint: config.endpoint,
    region: resolveRegion(config.region),
    credentials: config.credentials,
  });
  return createApiTransport({
    ...numbers,
    client,
    stats,
    maxBatchDocuments: numbers.maxBatchSize,
    concurrency: numbers.concurrencyLimit,
  });
}

function regionFromHost(url: URL): string | undefined {
  return /^xray\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(url.hostname)?.[1];
}

function otlpUrl(config: XRayExporterConfig): { url: URL; region: string } {
  let url: URL | undefined;
  if (config.endpoint !== undefined) {
    try {
      url = new URL(config.endpoint);
    } catch {
      diag.warn(
        `XRaySpanExporter: invalid endpoint ${JSON.stringify(config.endpoint)}; using the regional one`,
      );
    }
  }
  let region = resolveRegion(config.region) ?? (url && regionFromHost(url));
  if (region === undefined) {
    diag.warn('XRaySpanExporter: no region (set region or AWS_REGION); using us-east-1');
    region = 'us-east-1';
  }
  return { url: url ?? new URL(`https://xray.${region}.amazonaws.com/v1/traces`), region };
}

/** Builds the `otlp` exporter: OTel's OTLP/protobuf machinery over a SigV4-signing transport. */
export function buildOtlpExporter(
  config: XRayExporterConfig,
  numbers: ResolvedNumbers,
  stats: ExporterStats,
): { exporter: OTLPExporterBase<ReadableSpan[]>; transport: IExporterTransport } {
  const { url, region } = otlpUrl(config);
  const post = createSignedPost({
    url,
    region,
    credentials: config.credentials ?? defaultProvider(),
  });
  const transport = createOtlpSigningTransport({ ...numbers, post, stats });
  const exporter = createOtlpSpanExporter({
    url: url.href,
    transport,
    timeoutMillis: numbers.timeoutMillis,
    concurrencyLimit: numbers.concurrencyLimit,
  });
  return { exporter, transport };
}
