// The repository's tsconfig targets Node and leaves out the DOM library on purpose: adding it would
// retype globals such as setTimeout for every Node file. The explorer touches only these DOM
// members, so they are declared here; esbuild bundles this file like any other.

interface ValueHolder {
  readonly value: string;
}

interface ExplorerDocument {
  getElementById(id: string): Element | null;
}

/** The value of the <input> or <select> an event came from. */
export function valueOf(event: { readonly currentTarget: unknown }): string {
  return (event.currentTarget as ValueHolder).value;
}

export function browserDocument(): ExplorerDocument {
  return (globalThis as unknown as { readonly document: ExplorerDocument }).document;
}
