// An ES module that throws while it is evaluated: frames of the module's top level and the loader.
const region = '';
if (region === '') throw new Error('region is not configured');
export { region };
