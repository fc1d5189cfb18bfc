import type { IncomingMessage } from 'node:http';
import { XRayError } from '../errors.ts';

/** Largest request body accepted (the OTLP endpoint's 5 MB, spec §9). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Reads a request body, refusing (413) anything over `limit` bytes without buffering it. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
  });
}

function tooLarge(limit: number): XRayError {
  return new XRayError(
    'RequestEntityTooLargeException',
    `Request body exceeds the ${limit} byte limit`,
  );
}
