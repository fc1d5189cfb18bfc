import { invalidRequest } from '../errors.ts';
import type { NodeId } from './trace-analysis.ts';

/** A compiled `EntitySelectorExpression`: which nodes or edges a time series covers. */
export type EntitySelector =
  | { kind: 'service'; matches: (id: NodeId) => boolean }
  | { kind: 'edge'; matches: (from: NodeId, to: NodeId) => boolean };

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const ID_ARGS = String.raw`id\(\s*((?:[a-z.]+\s*:\s*${STRING}\s*,?\s*)+)\)`;
const NODE = `(?:${STRING}|${ID_ARGS})`;
const SERVICE = new RegExp(String.raw`^\s*(?:service\(\s*${NODE}\s*\)|${ID_ARGS})\s*$`);
const EDGE = new RegExp(String.raw`^\s*edge\(\s*${NODE}\s*,\s*${NODE}\s*\)\s*$`);

/**
 * Compiles the entity-selector subset of the filter language (spec §6: `service("name")`,
 * `service(id(name: "…", type: "…"))`, `id(…)`, `edge(a, b)`). Throws InvalidRequestException.
 */
export function compileEntitySelector(expression: string): EntitySelector {
  const service = SERVICE.exec(expression);
  if (service !== null) {
    const m = nodeMatcher(service[1], service[2] ?? service[4]);
    return { kind: 'service', matches: m };
  }
  const edge = EDGE.exec(expression);
  if (edge !== null) {
    const from = nodeMatcher(edge[1], edge[2]);
    const to = nodeMatcher(edge[4], edge[5]);
    return { kind: 'edge', matches: (a, b) => from(a) && to(b) };
  }
  throw invalidRequest(`Invalid EntitySelectorExpression: ${expression}`);
}

function nodeMatcher(
  name: string | undefined,
  idArgs: string | undefined,
): (id: NodeId) => boolean {
  if (name !== undefined) {
    const n = unescape(name);
    return (id) => id.name === n || id.names.includes(n);
  }
  const want: Record<string, string> = {};
  for (const m of (idArgs ?? '').matchAll(new RegExp(String.raw`([a-z.]+)\s*:\s*${STRING}`, 'g'))) {
    want[m[1] as string] = unescape(m[2] as string);
  }
  return (id) =>
    (want.name === undefined || id.name === want.name || id.names.includes(want.name)) &&
    (want.type === undefined || id.type === want.type) &&
    (want['account.id'] === undefined || id.accountId === want['account.id']);
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
