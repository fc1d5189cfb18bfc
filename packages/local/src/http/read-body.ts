import type { IncomingMessage } from 'node:http';
import { XRayError } from '../errors.ts';

/** Largest request body accepted (the OTLP endpoint's 5 MB, spec §9). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** Largest body; beyond it 413 without buffering. Default {@link MAX_BODY_BYTES}. */
  limit?: number;
  /** Called with each chunk's size before it is kept; false refuses the body with `refusal()`. */
  reserve?: (bytes: number) => boolean;
  /** The error for a chunk `reserve` refused. */
  refusal?: () => Error;
}

/**
 * Reads a request body, refusing (413) anything over the limit without buffering it. Rejects
 * when the client aborts, so a half-sent body never leaves a pending read behind.
 */
export function readBody(req: IncomingMessage, options: ReadBodyOptions = {}): Promise<Buffer> {
  const limit = options.limit ?? MAX_BODY_BYTES;
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (error: Error): void => {
      if (done) return;
      done = true;
      chunks.length = 0;
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) return fail(tooLarge(limit));
      if (options.reserve !== undefined && !options.reserve(chunk.length))
        return fail(options.refusal?.() ?? new Error('request body refused'));
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', fail);
    req.on('close', () => fail(new Error('request aborted before its body was read')));
  });
}

function tooLarge(limit: number): XRayError {
  return new XRayError(
    'RequestEntityTooLargeException',
    `Request body exceeds the ${limit} byte limit`,
  );
}
