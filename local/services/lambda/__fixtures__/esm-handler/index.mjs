// An ES module handler with top-level await, as `.mjs` bundles may have.
const greeting = await Promise.resolve('hello from esm');

export const handler = async (event) => ({ greeting, name: event.name });
