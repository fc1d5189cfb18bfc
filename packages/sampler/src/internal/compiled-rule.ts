// A rule compiled against one resource: the resource-level fields (service name and type, and the
// resource ARN when the resource knows it) are decided once; only span-level checks remain.
import type { Attributes } from '@opentelemetry/api';
import type { ResourceProperties, SpanProperties } from './request-properties.ts';
import type { RuleDefinition } from './rule-definition.ts';
import { RuleState } from './rule-state.ts';
import { compileWildcard, type WildcardMatcher } from './wildcard.ts';

/** One field a rule tests, for matching and for explaining a mismatch. */
export interface FieldCheck {
  /** The API field name, e.g. `URLPath` or `Attributes.http.status`. */
  field: string;
  pattern: string;
  matches: WildcardMatcher;
  read: (props: SpanProperties, attributes: Attributes) => string | undefined;
}

/** A rule ready for the hot path. */
export interface CompiledRule {
  readonly definition: RuleDefinition;
  readonly state: RuleState;
  /** Resource-level check that failed (the rule can never match in this process), if any. */
  readonly resourceMismatch: FieldCheck | undefined;
  /** Span-level checks; empty when only `*` patterns remain. */
  readonly checks: readonly FieldCheck[];
}

function attributeText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

function check(field: string, pattern: string, read: FieldCheck['read']): FieldCheck {
  return { field, pattern, matches: compileWildcard(pattern), read };
}

/** Compiles `definition` for a process described by `resource`. */
export function compileRule(
  definition: RuleDefinition,
  resource: ResourceProperties,
  state = new RuleState(),
): CompiledRule {
  const constant = [
    check('ServiceName', definition.serviceName, () => resource.serviceName),
    check('ServiceType', definition.serviceType, () => resource.serviceType),
  ];
  const span = [
    check('Host', definition.host, (p) => p.host),
    check('HTTPMethod', definition.httpMethod, (p) => p.method),
    check('URLPath', definition.urlPath, (p) => p.urlPath),
  ];
  const arn = check('ResourceARN', definition.resourceArn, (p) => p.resourceArn);
  (resource.resourceArn === undefined && resource.lambda ? span : constant).push(arn);
  for (const [key, pattern] of Object.entries(definition.attributes)) {
    span.push(check(`Attributes.${key}`, pattern, (_p, attrs) => attributeText(attrs[key])));
  }
  const noSpan = {
    host: undefined,
    method: undefined,
    urlPath: undefined,
    resourceArn: resource.resourceArn,
  };
  return {
    definition,
    state,
    resourceMismatch: constant.find((c) => !c.matches(c.read(noSpan, {}))),
    checks: span.filter((c) => c.pattern !== '*'),
  };
}

/** The first span-level check `rule` fails, or `undefined` when it matches. */
export function spanMismatch(
  rule: CompiledRule,
  props: SpanProperties,
  attributes: Attributes,
): FieldCheck | undefined {
  for (const c of rule.checks) {
    if (!c.matches(c.read(props, attributes))) return c;
  }
  return undefined;
}
