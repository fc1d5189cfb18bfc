/* global require, module, Buffer, setImmediate */
/* eslint-disable @typescript-eslint/no-require-imports -- the stacks must come from CommonJS code */
// CommonJS scenarios for capture.mjs (plain paths, Module._compile frames).
// Line numbers end up in test/fixtures/v8-stacks.json: regenerate it after editing this file.
const fs = require('node:fs');

class Inventory {
  constructor(counts) {
    this.counts = counts;
  }

  take(sku) {
    if (!(sku in this.counts)) throw new Error(`no stock for ${sku}`);
    this.counts[sku] -= 1;
  }
}

class Picker {
  constructor(inventory, sku) {
    inventory.take(sku);
  }
}

async function pick(sku) {
  await new Promise((resolve) => setImmediate(resolve));
  if (sku.endsWith('!')) throw new Error(`cannot pick ${sku}`);
  return sku;
}

const handlers = {
  get: function getOrder(id) {
    throw new Error(`order ${id} not found`);
  },
};

/** CommonJS scenarios, as in esm-app.mjs. */
module.exports.cjs = [
  { name: 'CommonJS constructor and method', run: () => new Picker(new Inventory({}), 'sku-9') },
  { name: 'CommonJS async under Promise.all', run: () => Promise.all([pick('a'), pick('b!')]) },
  { name: 'CommonJS module that throws while loading', run: () => require('./load-fails.cjs') },
  { name: 'CommonJS method alias', run: () => handlers.get(3) },
  {
    name: 'CommonJS eval',
    run: () => eval('(function check() { throw new Error("cjs eval"); })()'),
  },
  { name: 'CommonJS node:fs', run: () => fs.readdirSync('/nonexistent/otel-xray') },
  { name: 'CommonJS node:buffer', run: () => Buffer.from({}) },
  {
    name: 'CommonJS util.inspect of an error with a cause',
    inspect: true,
    run: () => {
      try {
        handlers.get(4);
      } catch (cause) {
        throw new Error('lookup failed', { cause });
      }
    },
  },
];
