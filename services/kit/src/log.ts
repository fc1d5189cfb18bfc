import { pino, type Logger } from 'pino';
import { xrayLogDestination, xrayPinoOptions } from '@otel-xray/node';

/** A service's logger (pino). */
export type ServiceLogger = Logger;

/**
 * One JSON line per event on stdout — `{"level":"info","t":…,"service":…,…,"msg":…}` — with the
 * active span's X-Ray trace ID (`AWS-XRAY-TRACE-ID`, `1-…@<segment id>`) and W3C IDs
 * (`xrayPinoOptions`), errors under `err` (pino's serializer: type, message, stack). When tracing
 * sends logs (`OTEL_XRAY_LOGS_ENDPOINT`), each line also goes to the local X-Ray as an OTLP log
 * record. Never logs credentials.
 * @example
 * const log = createLogger('inventory');
 * log.info({ orderId, sku }, 'stock reserved');
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      ...xrayPinoOptions(),
    },
    xrayLogDestination(),
  );
}
