// Tokens of the filter language (spec/xray-protocol.md §6.1).

/** A comparison operator as written with symbols. */
export type SymbolOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One lexical token with its 0-based start offset. */
export type Token =
  /** A keyword or word operator: `http.url`, `AND`, `contains`, `true`; `text` keeps the spelling. */
  | { kind: 'word'; text: string; lower: string; pos: number }
  /** A double-quoted string; `value` has escapes decoded. */
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'op'; op: SymbolOp; pos: number }
  /** `annotation.KEY` or `annotation[KEY]`; `key` is case-sensitive. */
  | { kind: 'annotation'; key: string; pos: number }
  /** `#[ ... ]` after `rootcause.json =`; `value` is the parsed JSON. */
  | { kind: 'json'; value: unknown; pos: number }
  | { kind: 'punct'; char: '(' | ')' | '{' | '}' | ',' | ':' | '!'; pos: number }
  | { kind: 'eof'; pos: number };

/** How a token is named in error messages. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'word':
      return t.text;
    case 'string':
      return 'a string';
    case 'number':
      return t.text;
    case 'op':
      return `'${t.op}'`;
    case 'annotation':
      return `annotation.${t.key}`;
    case 'json':
      return 'a JSON value';
    case 'punct':
      return `'${t.char}'`;
    case 'eof':
      return 'the end of the expression';
  }
}
