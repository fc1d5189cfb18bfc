// Imported as `./query-module.mjs?v=2` by esm-app.mjs: V8 writes the query into the frame's URL.
export function versioned() {
  throw new Error('thrown by a module imported with a query string');
}
