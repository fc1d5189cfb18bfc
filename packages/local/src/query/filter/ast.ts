// The syntax tree of a filter expression. Every node carries `pos`, the 0-based offset of its
// first character in the expression.

/** A comparison operator; word operators are lower-cased. */
export type CompareOp =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'beginswith' | 'endswith';

/** A literal value on the right of a comparison. */
export type Literal =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean };

/** Which node(s) `service(...)`, `edge(...)` or `id(...)` select; absent fields match anything. */
export interface NodeSelector {
  /** Node name (matches the canonical name or any alias). */
  name?: string;
  /** Node type, e.g. `AWS::Lambda::Function`. */
  type?: string;
  /** Source account (`account.id`). */
  accountId?: string;
}

/** Root-cause list (`rootcause.<category>`). */
export type RootCauseCategory = 'fault' | 'error' | 'responsetime';
/** What a root-cause block iterates over. */
export type RootCauseLevel = 'service' | 'entity' | 'exception';

/** One node of the syntax tree. */
export type FilterNode =
  | { kind: 'or'; pos: number; operands: FilterNode[] }
  | { kind: 'and'; pos: number; operands: FilterNode[] }
  | { kind: 'not'; pos: number; operand: FilterNode }
  /** A bare keyword: true for a boolean keyword, "is set" for a number or string keyword. */
  | { kind: 'test'; pos: number; keyword: string }
  | { kind: 'compare'; pos: number; keyword: string; op: CompareOp; value: Literal }
  /** `annotation.KEY` alone ("is set") or compared with a value. */
  | { kind: 'annotation'; pos: number; key: string; op?: CompareOp; value?: Literal }
  /** `service(...)`; no selector means every node. */
  | { kind: 'service'; pos: number; selector?: NodeSelector; block?: FilterNode }
  | { kind: 'edge'; pos: number; from: NodeSelector; to: NodeSelector; block?: FilterNode }
  /** A bare `id(...)`: only in entity selectors, where it means `service(id(...))`. */
  | { kind: 'id'; pos: number; selector: NodeSelector }
  | { kind: 'group'; pos: number; field: 'name' | 'arn'; value: string }
  | {
      kind: 'rootcause';
      pos: number;
      category: RootCauseCategory;
      level: RootCauseLevel;
      block?: FilterNode;
    }
  | { kind: 'rootcause-json'; pos: number; pattern: unknown[] };
