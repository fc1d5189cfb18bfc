/* global process, queueMicrotask, setTimeout, setImmediate, URL */
// ESM scenarios for capture.mjs: each `run` throws or rejects the way real service code does.
// Line numbers end up in test/fixtures/v8-stacks.json: regenerate it after editing this file.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { Order, reserveAll } from './stock.ts';

class Cart {
  constructor(items) {
    this.items = items;
  }

  get total() {
    if (this.items.length === 0) throw new Error('empty cart has no total');
    return this.items.length;
  }

  #check() {
    throw new Error('private method failed');
  }

  checkout() {
    this.#check();
  }

  *[Symbol.iterator]() {
    if (this.items.length > 0) throw new Error('cart is not iterable yet');
    yield* this.items;
  }

  static restore(json) {
    return new Cart(JSON.parse(json).items);
  }
}

function recurse(depth) {
  if (depth === 0) throw new Error('recursion bottomed out');
  recurse(depth - 1);
}

function later(schedule) {
  return new Promise((resolve, reject) => {
    schedule(() => {
      try {
        resolve(JSON.parse('{"items":'));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function lookupCause() {
  return new Error('stock service unavailable');
}

function rejectOrder() {
  return new Error('order rejected', { cause: lookupCause() });
}

function runScript(filename, code) {
  return vm.runInThisContext(code, filename === undefined ? undefined : { filename });
}

const api = {
  fetch: function fetchOrder(id) {
    throw new Error(`order ${id} not found`);
  },
};
const dynamic = {};
dynamic['on' + 'Change'] = function () {
  throw new Error('computed property name');
};

/**
 * ESM scenarios: a name, a function that throws or rejects, `inspect` when the text is util.inspect's,
 * `once` when the scenario can only fail once per process.
 */
export const esm = [
  { name: 'TypeScript constructor and static method', run: () => new Order('bad-sku', 1) },
  { name: 'TypeScript class method', run: () => new Order('sku-1', 0) },
  { name: 'async TypeScript under Promise.all', run: () => reserveAll(['sku-1', 'sku-sold-out']) },
  {
    name: 'anonymous async arrow',
    run: async () => {
      const step = async () => {
        await null;
        throw new Error('async arrow failed');
      };
      await step();
    },
  },
  { name: 'getter', run: () => new Cart([]).total },
  { name: 'private method', run: () => new Cart([1]).checkout() },
  { name: 'symbol-named generator method', run: () => [...new Cart([1])] },
  { name: 'static method and native JSON.parse', run: () => Cart.restore('{') },
  { name: 'method alias [as fetch]', run: () => api.fetch(7) },
  { name: 'computed property name', run: () => dynamic.onChange() },
  {
    name: 'native Array.map callback',
    run: () =>
      [1, 2].map((n) => {
        if (n === 2) throw new Error('mapping failed');
        return n;
      }),
  },
  { name: 'deep recursion (stackTraceLimit)', run: () => recurse(20) },
  { name: 'direct eval', run: () => eval('(function inner() { throw new Error("eval"); })()') },
  { name: 'nested eval', run: () => eval('eval("throw new Error(\'nested eval\')")') },
  { name: 'new Function', run: () => new Function('a', 'throw new Error("new Function " + a)')(1) },
  {
    name: 'eval with sourceURL',
    run: () => eval('(() => { throw new Error("named eval"); })()\n//# sourceURL=rules.js'),
  },
  { name: 'node:fs', run: () => readFileSync('/nonexistent/otel-xray.json') },
  { name: 'node:internal/url constructor', run: () => new URL('not a url') },
  {
    name: 'node:events listener',
    run: () => {
      const bus = new EventEmitter();
      bus.on('order', () => {
        throw new Error('listener failed');
      });
      bus.emit('order');
    },
  },
  { name: 'setTimeout callback', run: () => later((fn) => setTimeout(fn, 1)) },
  { name: 'setImmediate callback', run: () => later(setImmediate) },
  { name: 'process.nextTick callback', run: () => later(process.nextTick) },
  { name: 'queueMicrotask callback', run: () => later(queueMicrotask) },
  {
    name: 'module imported with a query string',
    run: async () => (await import('./query-module.mjs?v=2')).versioned(),
  },
  {
    name: 'ESM module that throws while loading',
    once: true,
    run: () => import('./fails-on-load.mjs'),
  },
  {
    name: 'vm script named like a Windows path',
    run: () => runScript('C:\\app\\src\\rules.js', '(function rule() { throw new Error("w"); })()'),
  },
  {
    name: 'vm script in a Windows path with parentheses',
    run: () =>
      runScript(
        'C:\\Program Files (x86)\\app\\rules.js',
        '(function rule() { throw new Error("x86"); })()',
      ),
  },
  {
    name: 'vm script named like a Windows file URL',
    run: () => runScript('file:///C:/app/src/rules.js', '(() => { throw new Error("u"); })()'),
  },
  {
    name: 'vm script named like a UNC path',
    run: () => runScript('\\\\fileserver\\share\\rules.js', '(() => { throw new Error("s"); })()'),
  },
  {
    name: 'vm script named like a UNC file URL',
    run: () => runScript('file://fileserver/share/rules.js', '(() => { throw new Error("f"); })()'),
  },
  {
    name: 'vm script named like a browser URL',
    run: () => runScript('https://example.com/static/app.js', 'null.f();'),
  },
  { name: 'vm script without a name', run: () => runScript(undefined, 'undefined.x;') },
  {
    name: 'vm script with an empty name',
    run: () => runScript('', '(function () { throw new Error("e"); }).call(1)'),
  },
  {
    name: 'Promise.any with only rejections (AggregateError)',
    run: () => Promise.any([Promise.reject(new Error('a'))]),
  },
  {
    name: 'message lines that start with "at"',
    run: () => {
      throw new Error('invalid order:\n  at least one line is required\n  at most 10 allowed');
    },
  },
  {
    name: 'util.inspect of an error with a cause',
    inspect: true,
    run: () => {
      try {
        new Order('sku-1', -1);
      } catch (cause) {
        throw new Error('order rejected', { cause });
      }
    },
  },
  {
    name: 'util.inspect of an error whose cause shares its frames',
    inspect: true,
    run: () => {
      throw rejectOrder();
    },
  },
  {
    name: 'util.inspect of an error with own properties',
    inspect: true,
    run: () => readFileSync('/nonexistent/otel-xray.json'),
  },
];
