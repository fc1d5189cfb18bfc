// Guards against pathological input. The model puts no bound on FilterExpression; these caps are ours.

/** Longest filter expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 100_000;
/** Deepest nesting of parentheses, blocks and negations (and of JSON arrays/objects in rootcause.json). */
export const MAX_NESTING_DEPTH = 100;
/** Deepest chain of group filters referring to other groups. */
export const MAX_GROUP_DEPTH = 10;
/** EntitySelectorExpression length bounds (model: min 1, max 500). */
export const MAX_ENTITY_SELECTOR_LENGTH = 500;
