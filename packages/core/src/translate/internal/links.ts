// `links` (spec/translation.md §8).
import type { SegmentLink } from '../../segment-document.ts';
import type { TranslatableLink, TranslationProblem } from '../translatable-span.ts';
import { rawValue } from './attribute-values.ts';
import { hexId, xrayTraceId } from './hex.ts';
import { MAX_LINKS } from './limits.ts';
import { traceEpochInWindow } from './trace-epoch.ts';

/**
 * The links of a span; invalid ones (with `epochNow`: also those whose trace-id timestamp X-Ray
 * rejects) and those past X-Ray's 20 per segment are dropped (reported).
 */
export function makeLinks(
  links: readonly TranslatableLink[],
  problems: TranslationProblem[],
  epochNow?: number,
): SegmentLink[] | undefined {
  if (links.length === 0) return undefined;
  const out: SegmentLink[] = [];
  for (const link of links) {
    const traceId = xrayTraceId(link.context.traceId);
    const id = hexId(link.context.spanId, 16);
    const rejected =
      traceId === undefined ||
      id === undefined ||
      (epochNow !== undefined && !traceEpochInWindow(traceId, epochNow));
    if (rejected) {
      problems.push({
        code: 'link-dropped',
        message: `link to ${String(link.context.traceId)}/${String(link.context.spanId)} has ${
          traceId !== undefined && id !== undefined
            ? 'a trace-id timestamp X-Ray rejects'
            : 'an invalid id'
        }`,
        fatal: false,
      });
      continue;
    }
    if (out.length === MAX_LINKS) {
      problems.push({
        code: 'links-capped',
        message: `X-Ray keeps ${MAX_LINKS} links per segment; ${links.length} given`,
        fatal: false,
      });
      break;
    }
    const attributes = link.attributes;
    // One literal per form, not a property added later: see `HttpPlan` in http-block.ts.
    out.push(
      attributes !== undefined && Object.keys(attributes).length > 0
        ? { trace_id: traceId, id, attributes: rawValue(attributes) as Record<string, unknown> }
        : { trace_id: traceId, id },
    );
  }
  return out.length > 0 ? out : undefined;
}
