// Static built-ins the APPSYNC_JS runtime does not implement, removed so that resolver code calling
// one fails here as it would on AppSync ("Object.freeze is not a function") instead of working
// offline only. The list is @aws-appsync/eslint-plugin's no-disallowed-methods (its
// `ObjectConstructor.*`, `Array.from`/`Array.of` and `String.fromCharCode`/`fromCodePoint` entries),
// and it agrees with the Object functions AWS lists as supported: assign, entries, hasOwn, keys and
// values (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html).
// `String.raw` stays: that page lists it as supported although the plugin denies it. Prototype
// methods the plugin lists (padStart, repeat, …) stay too: a name alone cannot tell their receivers
// apart at load time, and the sandbox library relies on them.

export const UNSUPPORTED_STATICS: Readonly<Record<'Object' | 'Array' | 'String', readonly string[]>> = {
  Object: [
    'create', 'defineProperties', 'defineProperty', 'freeze', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors',
    'getOwnPropertyNames', 'getOwnPropertySymbols', 'getPrototypeOf', 'is', 'isExtensible', 'isFrozen', 'isSealed',
    'preventExtensions', 'seal', 'setPrototypeOf',
  ],
  Array: ['from', 'of'],
  String: ['fromCharCode', 'fromCodePoint'],
};

/** Deletes the unsupported statics from this realm's Object, Array and String. */
export function removeUnsupportedStatics(global: typeof globalThis): void {
  for (const [owner, names] of Object.entries(UNSUPPORTED_STATICS)) {
    const constructor = (global as unknown as Record<string, Record<string, unknown>>)[owner];
    for (const name of names) delete constructor[name];
  }
}
