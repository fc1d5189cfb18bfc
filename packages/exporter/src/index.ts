export { XRaySpanExporter } from './exporter.ts';
export type { XRayExporterConfig, XRayTransportName, ExporterStats } from './types.ts';
export { parseDaemonAddress, DEFAULT_DAEMON_ADDRESS } from './daemon-address.ts';
export type { DaemonAddress, HostPort } from './daemon-address.ts';
export { toSegmentDocuments } from '@otel-xray/core';
export type { TranslateOptions } from '@otel-xray/core';
export { setAnnotation, setMetadata, withSubsegment } from './span-helpers.ts';
export type { AnnotationInput, SubsegmentOptions } from './span-helpers.ts';
