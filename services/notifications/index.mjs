// The module Lambda's runtime client loads (`_HANDLER=index.handler`): it only looks for
// .js/.mjs/.cjs files, so this re-exports the TypeScript handler (Node strips the types).
export { handler } from './src/handler.ts';
