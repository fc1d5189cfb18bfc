// Matching service(...)/edge(...)/id(...) selectors against service-graph nodes.
import type { NodeSelector } from './ast.ts';

/** The identity of a service-graph node, as service()/edge()/id() see it. */
export interface NodeIdentity {
  /** Canonical node name. */
  name: string;
  /** Every name the node was seen with (a selector name may match any of them). */
  names?: readonly string[];
  /** Node type (`AWS::EC2::Instance`, `AWS::Lambda::Function`, `client`, …). */
  type?: string;
  accountId?: string;
}

/**
 * Compiles a selector: each field it states must be equal (case-sensitive); `name` matches the
 * canonical name or any alias. No selector (`service()`) matches every node.
 */
export function selectorMatcher(sel: NodeSelector | undefined): (n: NodeIdentity) => boolean {
  if (sel === undefined) return () => true;
  const { name, type, accountId } = sel;
  return (n) =>
    (name === undefined || n.name === name || (n.names !== undefined && n.names.includes(name))) &&
    (type === undefined || n.type === type) &&
    (accountId === undefined || n.accountId === accountId);
}
