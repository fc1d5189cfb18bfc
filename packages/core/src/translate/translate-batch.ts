// A batch of spans → segment documents as JSON, with every subsegment whose parent's document is in
// the same batch written inside that parent, as the X-Ray SDKs send a finished segment: a request
// that made one downstream call is one document (one datagram) instead of two. Embedded
// subsegments omit `type`, `trace_id` and `parent_id` (spec/xray-protocol.md §4.3); X-Ray and the
// local X-Ray assemble both forms into the same trace.
import { MAX_DOCUMENT_BYTES } from '../segment-document.ts';
import { docJson } from './internal/doc-json.ts';
import type { DocPlan } from './internal/doc-plan.ts';
import { objects, plan, refuse, tooLarge } from './internal/plan-span.ts';
import type { Planned } from './internal/plan-span.ts';
import { spanMayExceedLimit } from './internal/size-guard.ts';
import type {
  TranslatableSpan,
  TranslateDeps,
  TranslateOptions,
  TranslationProblem,
} from './translatable-span.ts';

/** Options of {@link translateBatchJson}. */
export interface BatchOptions {
  /** Write subsegments inside their parents' documents (default true); false gives one per span. */
  embed?: boolean;
  /** A document with embedded subsegments stays under this many UTF-8 bytes (default 64 KB). */
  maxBytes?: number;
}

/** What {@link translateBatchJson} returns. */
export interface BatchJsonResult {
  /** The documents to send, as JSON text. */
  documents: string[];
  /** For each document, the index of the span its outermost entity came from. */
  origins: number[];
  /** For each span, in order: its problems (a fatal one means it was refused and made nothing). */
  problems: TranslationProblem[][];
  /** For each span: how many documents it made, embedded ones included (0 when refused). */
  made: number[];
  /** How many of those travel inside another document. */
  embedded: number;
}

/** One planned document and its place in the batch's trees. */
interface Node {
  plan: DocPlan;
  span: number;
  parent: Node | undefined;
  children: Node[] | undefined;
  written: boolean;
}

const DUPLICATE = null;

/**
 * Levels of subsegments written inside one document. The local X-Ray refuses documents nested
 * deeper than 64 (`validateSegmentDocument`); X-Ray documents no limit, so stay well inside.
 */
const MAX_EMBEDDED_DEPTH = 32;

/** True when `json` is at most `maxBytes` UTF-8 bytes (a UTF-16 unit takes at most 3). */
function fits(json: string, maxBytes: number): boolean {
  return json.length * 3 <= maxBytes || Buffer.byteLength(json, 'utf8') <= maxBytes;
}

/** Collects a batch's documents: whole trees when they fit, split at the top when not. */
class BatchWriter {
  readonly documents: string[] = [];
  readonly origins: number[] = [];
  embedded = 0;
  readonly #maxBytes: number;
  readonly #problems: TranslationProblem[][];
  readonly #made: number[];

  constructor(maxBytes: number, problems: TranslationProblem[][], made: number[]) {
    this.#maxBytes = maxBytes;
    this.#problems = problems;
    this.#made = made;
  }

  push(json: string, span: number): void {
    this.documents.push(json);
    this.origins.push(span);
  }

  /**
   * Writes `root` with its subtree inside; a tree over the limit goes out as its parts, and levels
   * below {@link MAX_EMBEDDED_DEPTH} as documents of their own.
   */
  writeTree(root: Node): void {
    if (root.children === undefined) {
      this.writeAlone(root);
      return;
    }
    const inside: Node[] = [];
    const deeper: Node[] = [];
    let json: string | undefined;
    try {
      json = docJson(root.plan, false, this.#subsegments(root.children, 1, inside, deeper));
    } catch {
      json = undefined; // written part by part below, each part's failure kept to its own span
    }
    if (json !== undefined && fits(json, this.#maxBytes)) {
      this.push(json, root.span);
      root.written = true;
      for (const node of inside) node.written = true;
      this.embedded += inside.length;
      for (const node of deeper) this.writeTree(node);
      return;
    }
    this.writeAlone(root);
    for (const child of root.children) this.writeTree(child);
  }

  /**
   * `,"subsegments":[…]` of `children` at nesting level `level`, each with its own embedded ones
   * (`''` when none is embedded); collects the nodes written inside and those left for later.
   */
  #subsegments(children: readonly Node[], level: number, inside: Node[], deeper: Node[]): string {
    if (level > MAX_EMBEDDED_DEPTH) {
      deeper.push(...children);
      return '';
    }
    let text = ',"subsegments":[';
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as Node;
      const below =
        child.children === undefined
          ? ''
          : this.#subsegments(child.children, level + 1, inside, deeper);
      text += (i === 0 ? '' : ',') + docJson(child.plan, true, below);
      inside.push(child);
    }
    return `${text}]`;
  }

  /** Writes one document on its own (its subtree is written by the caller). */
  writeAlone(node: Node): void {
    node.written = true;
    try {
      this.push(docJson(node.plan), node.span);
    } catch (error) {
      this.fail(node.span, error);
    }
  }

  /** A document of span `index` could not be written: one document fewer, and why. */
  fail(index: number, error: unknown): void {
    this.#made[index] = Math.max(0, (this.#made[index] ?? 0) - 1);
    this.#problems[index]?.push(
      ...refuse('translation-error', `translation failed: ${String(error)}`).problems,
    );
  }
}

/** The documents of a span that may exceed 64 KB, shrunk on the object path when they do. */
function writeLarge(writer: BatchWriter, planned: Planned, index: number): void {
  try {
    let documents = planned.plans.map((p) => docJson(p));
    if (documents.some((json) => tooLarge(json, planned.facts)))
      documents = objects(planned).map((doc) => JSON.stringify(doc));
    for (const json of documents) writer.push(json, index);
  } catch (error) {
    for (let i = 0; i < planned.plans.length; i++) writer.fail(index, error);
  }
}

/** Links each subsegment to its parent's node when that is in the batch, same trace, unique id. */
function linkParents(nodes: readonly Node[], byId: Map<string, Node | null>): void {
  for (const node of nodes) {
    const { plan: p } = node;
    if (!p.subsegment || p.parentId === undefined || byId.get(p.id) !== node) continue;
    const parent = byId.get(p.parentId);
    if (parent === undefined || parent === DUPLICATE || parent === node) continue;
    if (parent.plan.traceId !== p.traceId) continue;
    node.parent = parent;
    (parent.children ??= []).push(node);
  }
}

/**
 * Translates a batch of spans (see {@link translateSpanJson}) and writes each subsegment inside its
 * parent's document when the parent is in the batch, the way the X-Ray SDKs send a segment: fewer
 * documents, each carrying a whole request. A tree over `maxBytes` is sent as separate documents;
 * a span over 64 KB keeps its own (shrunk) document. Never throws; a refused span is reported in
 * its `problems` and makes no document.
 * @example
 * const { documents } = translateBatchJson(spans, {}, { maxBytes: 65_000 });
 * for (const json of documents) socket.send(`${DAEMON_HEADER}\n${json}`);
 */
export function translateBatchJson(
  spans: readonly TranslatableSpan[],
  options?: TranslateOptions,
  batch: BatchOptions = {},
  deps?: TranslateDeps,
): BatchJsonResult {
  const problems: TranslationProblem[][] = [];
  const made: number[] = [];
  const writer = new BatchWriter(batch.maxBytes ?? MAX_DOCUMENT_BYTES, problems, made);
  const nodes: Node[] = [];
  const byId = new Map<string, Node | null>();
  for (let index = 0; index < spans.length; index++) {
    let planned: ReturnType<typeof plan>;
    try {
      planned = plan(spans[index] as TranslatableSpan, options, deps);
    } catch (error) {
      planned = refuse('translation-error', `translation failed: ${String(error)}`);
    }
    problems.push(planned.problems);
    if (!('plans' in planned)) {
      made.push(0);
      continue;
    }
    made.push(planned.plans.length);
    if (spanMayExceedLimit(planned.facts)) {
      // Rare: a span that may need shrinking keeps the one-span path (and its own documents).
      writeLarge(writer, planned, index);
      continue;
    }
    for (const p of planned.plans) {
      const node: Node = {
        plan: p,
        span: index,
        parent: undefined,
        children: undefined,
        written: false,
      };
      nodes.push(node);
      byId.set(p.id, byId.has(p.id) ? DUPLICATE : node);
    }
  }
  if (batch.embed !== false) linkParents(nodes, byId);
  for (const node of nodes) if (node.parent === undefined) writer.writeTree(node);
  // Members of a parent cycle (ids that point at each other) have no root: each goes alone.
  for (const node of nodes) if (!node.written) writer.writeAlone(node);
  return {
    documents: writer.documents,
    origins: writer.origins,
    problems,
    made,
    embedded: writer.embedded,
  };
}
