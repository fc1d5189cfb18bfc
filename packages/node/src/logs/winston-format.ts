import { xrayLogFields } from './xray-log-fields.ts';

/** A winston format (anything with `transform`), without depending on winston. */
export interface XRayWinstonFormat {
  transform<T extends object>(info: T): T;
}

/**
 * A winston format that adds the active span's correlation fields (see `xrayLogFields`) to each
 * record; put it before the output format.
 * @example
 * import winston from 'winston';
 * import { xrayWinstonFormat } from '@otel-xray/node';
 * const logger = winston.createLogger({
 *   format: winston.format.combine(xrayWinstonFormat(), winston.format.json()),
 *   transports: [new winston.transports.Console()],
 * });
 */
export function xrayWinstonFormat(): XRayWinstonFormat {
  return {
    transform(info) {
      const fields = xrayLogFields();
      for (const key in fields) (info as Record<string, unknown>)[key] ??= fields[key as never];
      return info;
    },
  };
}
