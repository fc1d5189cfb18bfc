/* global module */
// A CommonJS module that throws while it loads: `Object.<anonymous>` and `Module._compile` frames.
const settings = { region: '' };
if (settings.region === '') throw new Error('region is not configured');
module.exports = settings;
