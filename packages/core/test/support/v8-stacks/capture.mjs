/* global process, console */
// Runs every scenario of esm-app.mjs and cjs-app.cjs under the current Node and prints JSON:
// the text Node wrote (`error.stack`, or util.inspect(error)) and, for each of its lines, the frame
// expected from V8's structured call sites (null: not a frame). The expected frames are not
// computed from the text: path and line come from CallSite#getScriptNameOrSourceURL /
// getLineNumber / getEvalOrigin; the label is the call site's own text before its location.
// The rules applied (this repository's decisions): `file:` URLs become the file path Node's
// fileURLToPath gives; eval code is placed at the outermost eval call; `Promise.all (index N)`
// has no path and keeps its text as the label; an anonymous `async` frame is labelled `async`.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { esm } from './esm-app.mjs';

const { cjs } = createRequire(import.meta.url)('./cjs-app.cjs');
const defaultPrepare = Error.prepareStackTrace;

function describe(site) {
  return {
    text: site.toString(),
    name: site.getScriptNameOrSourceURL(),
    line: site.getLineNumber(),
    column: site.getColumnNumber(),
    evalOrigin: site.isEval() ? site.getEvalOrigin() : undefined,
    async: site.isAsync(),
    promiseIndex: site.isPromiseAll() ? site.getPromiseIndex() : null,
    constructor: site.isConstructor(),
    functionName: site.getFunctionName(),
  };
}

/** The text of one run; with `sites`, every call site V8 formats is recorded there. */
async function capture(scenario, sites) {
  await null; // both runs then resume from the same await: the same frames below `capture`
  Error.prepareStackTrace = sites
    ? (error, callSites) => {
        for (const site of callSites) sites.set(site.toString(), describe(site));
        return defaultPrepare(error, callSites);
      }
    : defaultPrepare;
  try {
    await scenario.run();
  } catch (error) {
    return scenario.inspect ? inspect(error) : error.stack;
  } finally {
    Error.prepareStackTrace = defaultPrepare;
  }
  throw new Error(`${scenario.name} did not throw`);
}

function windowsUrl(url) {
  return /^file:\/\/\/[A-Za-z]:/.test(url) || !/^file:\/\/(localhost)?\//.test(url);
}

function toPath(location) {
  return location.startsWith('file:')
    ? fileURLToPath(location, { windows: windowsUrl(location) })
    : location;
}

/** File and line of the outermost eval call in `eval at f (eval at g (file:1:2))`. */
function evalCall(origin) {
  let inner = origin;
  for (let m; (m = /^eval at [^(]*? \((.*)\)$/s.exec(inner));) inner = m[1];
  const position = /^(.*):(\d+):\d+$/s.exec(inner);
  if (!position) throw new Error(`unexpected eval origin ${origin}`);
  return { path: toPath(position[1]), line: Number(position[2]) };
}

function expectedFrame(site) {
  if (site.promiseIndex !== null) {
    if (site.text !== `async Promise.all (index ${site.promiseIndex})`) throw new Error(site.text);
    return { path: '', line: 0, label: site.text };
  }
  let location = site.name || '<anonymous>';
  if (!site.name && site.evalOrigin) location = `${site.evalOrigin}, ${location}`;
  if (site.line !== null) location += `:${site.line}:${site.column}`;
  let label;
  if (site.text === location) label = '';
  else if (site.async && site.text === `async ${location}`) label = 'async';
  else if (site.text.endsWith(` (${location})`)) label = site.text.slice(0, -location.length - 3);
  else throw new Error(`call site text ${site.text} does not end with its location ${location}`);
  if (site.async !== label.startsWith('async')) throw new Error(`async mismatch: ${site.text}`);
  if (site.constructor !== /^(async )?new /.test(label)) throw new Error(`new: ${site.text}`);
  if (site.functionName && !label.includes(site.functionName)) throw new Error(site.text);
  const where =
    !site.name && site.evalOrigin
      ? evalCall(site.evalOrigin)
      : { path: toPath(site.name || '<anonymous>'), line: site.line ?? 0 };
  return { ...where, label };
}

const cases = [];
for (const [source, scenarios] of [
  ['esm', esm],
  ['cjs', cjs],
]) {
  for (const scenario of scenarios) {
    const sites = new Map();
    let stack = '';
    // A scenario marked `once` cannot fail twice alike (a module that fails while it loads).
    for (const record of scenario.once ? [true] : [false, true]) {
      const text = await capture(scenario, record ? sites : undefined);
      if (!record || scenario.once) stack = text;
      else if (text !== stack)
        throw new Error(`${scenario.name}: the two runs differ:\n${stack}\n${text}`);
    }
    const frames = stack.split('\n').map((line) => {
      const m = /^\s+at (.*?)( \{)?$/.exec(line);
      const site = m ? sites.get(m[1]) : undefined;
      return site ? expectedFrame(site) : null;
    });
    cases.push({ source, name: scenario.name, stack, frames });
  }
}
console.log(JSON.stringify({ node: process.version, cases }));
