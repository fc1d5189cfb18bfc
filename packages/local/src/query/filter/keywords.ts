// The simple keywords of the language (spec/xray-protocol.md §6.2) and where each may appear.

/** Value type of a simple keyword. */
export type KeywordType = 'boolean' | 'number' | 'string';

/** Where an expression is being parsed: the trace, a service/edge block, or a root-cause block. */
export type Scope = 'trace' | 'service' | 'edge' | 'rootcause';

interface KeywordInfo {
  type: KeywordType;
  scopes: readonly Scope[];
}

const ENTITY: readonly Scope[] = ['trace', 'service', 'edge'];
const BLOCK: readonly Scope[] = ['service', 'edge'];
const ROOT_CAUSE: readonly Scope[] = ['rootcause'];

/** Lower-case keyword → its type and scopes. */
export const KEYWORDS: ReadonlyMap<string, KeywordInfo> = new Map<string, KeywordInfo>([
  ['ok', { type: 'boolean', scopes: ENTITY }],
  ['error', { type: 'boolean', scopes: ENTITY }],
  ['throttle', { type: 'boolean', scopes: ENTITY }],
  ['fault', { type: 'boolean', scopes: ENTITY }],
  ['partial', { type: 'boolean', scopes: ENTITY }],
  ['root', { type: 'boolean', scopes: BLOCK }],
  ['inferred', { type: 'boolean', scopes: ['service', 'edge', 'rootcause'] }],
  ['first', { type: 'boolean', scopes: ROOT_CAUSE }],
  ['last', { type: 'boolean', scopes: ROOT_CAUSE }],
  ['remote', { type: 'boolean', scopes: ROOT_CAUSE }],
  ['duration', { type: 'number', scopes: ENTITY }],
  ['responsetime', { type: 'number', scopes: ENTITY }],
  ['http.status', { type: 'number', scopes: ENTITY }],
  ['index', { type: 'number', scopes: ROOT_CAUSE }],
  ['coverage', { type: 'number', scopes: ROOT_CAUSE }],
  ['http.url', { type: 'string', scopes: ENTITY }],
  ['http.method', { type: 'string', scopes: ENTITY }],
  ['http.useragent', { type: 'string', scopes: ENTITY }],
  ['http.clientip', { type: 'string', scopes: ENTITY }],
  ['user', { type: 'string', scopes: ENTITY }],
  ['availabilityzone', { type: 'string', scopes: ENTITY }],
  ['instance.id', { type: 'string', scopes: ENTITY }],
  ['resource.arn', { type: 'string', scopes: ENTITY }],
  ['name', { type: 'string', scopes: ROOT_CAUSE }],
  ['type', { type: 'string', scopes: ROOT_CAUSE }],
  ['message', { type: 'string', scopes: ROOT_CAUSE }],
]);

/** Operators each keyword type accepts. */
export const OPERATORS: Readonly<Record<KeywordType, readonly string[]>> = {
  boolean: ['=', '!='],
  number: ['=', '!=', '<', '<=', '>', '>='],
  string: ['=', '!=', 'contains', 'beginswith', 'endswith'],
};

/** Describes a scope for error messages. */
export function scopeName(scope: Scope): string {
  if (scope === 'trace') return 'at trace level (outside a service() or edge() block)';
  if (scope === 'rootcause') return 'inside a rootcause block';
  return scope === 'edge' ? 'inside an edge() block' : 'inside a service() block';
}
