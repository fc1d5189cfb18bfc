// Builds the configured transport: the edge where sockets, clients and credentials are created.
// The default `udp` transport is built here; `api` and `otlp` live in build-remote-sink.ts, loaded
// with import() only when chosen, so an exporter sending to the daemon never loads the AWS SDK,
// the credential chain or the OTLP serializer.
import type { TranslateOptions } from '@otel-xray/core';
import type { ExporterStats, XRayExporterConfig } from '../types.ts';
import { DeferredSink } from './deferred-sink.ts';
import { DocumentSink } from './document-sink.ts';
import type { DocumentTransport } from './document-transport.ts';
import type { ResolvedNumbers } from './resolve-config.ts';
import { resolveTransportName } from './resolve-config.ts';
import { resolveDaemonAddress } from './resolve-daemon-address.ts';
import type { SpanSink } from './span-sink.ts';
import { createUdpTransport } from './udp-transport.ts';

/** Builds the sink for the configured transport (udp when unknown, with one warning). */
export function buildSink(
  config: XRayExporterConfig,
  numbers: ResolvedNumbers,
  stats: ExporterStats,
): SpanSink {
  const name = resolveTransportName(config.transport);
  if (name === 'udp') return documentSink(config, numbers, stats, buildUdpTransport(config, stats));
  return new DeferredSink(
    () =>
      import('./build-remote-sink.ts').then((remote) =>
        name === 'otlp'
          ? remote.buildOtlpSink(config, numbers, stats)
          : documentSink(config, numbers, stats, remote.buildApiTransport(config, numbers, stats)),
      ),
    stats,
    numbers.maxQueueSize,
  );
}

function documentSink(
  config: XRayExporterConfig,
  numbers: ResolvedNumbers,
  stats: ExporterStats,
  transport: DocumentTransport,
): SpanSink {
  const translate: TranslateOptions = {
    ...(config.indexedAttributes && { indexedAttributes: config.indexedAttributes }),
    ...(config.indexAllAttributes !== undefined && {
      indexAllAttributes: config.indexAllAttributes,
    }),
    ...(config.allowDotInAnnotationKeys !== undefined && {
      allowDotInAnnotationKeys: config.allowDotInAnnotationKeys,
    }),
    ...(config.logGroupNames && { logGroupNames: config.logGroupNames }),
  };
  return new DocumentSink({ ...numbers, transport, translate, stats });
}

/** Builds the `udp` transport. */
function buildUdpTransport(config: XRayExporterConfig, stats: ExporterStats): DocumentTransport {
  return createUdpTransport({ address: resolveDaemonAddress(config.daemonAddress).udp, stats });
}
