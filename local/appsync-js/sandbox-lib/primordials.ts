// Built-ins that APPSYNC_JS lacks but the sandbox library itself uses. They are taken when the
// library loads, before harden() removes them from the realm resolver code runs in.
export const arrayFrom = Array.from;
export const fromCharCode = String.fromCharCode;
export const fromCodePoint = String.fromCodePoint;
