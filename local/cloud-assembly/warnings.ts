/**
 * Everything Outpost Local cannot honour in a template becomes a named warning: the reader never
 * crashes on it and never changes behaviour silently. The caller logs the list.
 */
export type AssemblyWarningCode =
  | 'UnsupportedResourceType'
  | 'UnknownIntrinsic'
  | 'MalformedIntrinsic'
  | 'UnresolvableRef'
  | 'UnresolvableAttribute'
  | 'CircularReference'
  | 'UnresolvedCondition'
  | 'AssetNotFound'
  | 'InvalidPropertyValue'
  | 'UnsupportedProperty'
  | 'UnsupportedDataSourceType'
  | 'UnsupportedResolverRuntime'
  | 'UnsupportedLambdaCode'
  | 'UnsupportedEventSource'
  | 'OrphanResource';

export interface AssemblyWarning {
  readonly code: AssemblyWarningCode;
  readonly message: string;
  /** The stack the warning is about. */
  readonly stackName: string;
}

/** Collects warnings once each: the same problem reached twice (e.g. through a Ref) is one warning. */
export class WarningSink {
  private readonly seen = new Set<string>();
  private readonly list: AssemblyWarning[] = [];

  constructor(private readonly stackName: string) {}

  add(code: AssemblyWarningCode, message: string): void {
    const key = `${code}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ code, message, stackName: this.stackName });
  }

  get warnings(): readonly AssemblyWarning[] {
    return this.list;
  }
}

/** Marks a value Outpost Local could not resolve; no real name, ARN or URL contains `<<`. */
export const UNRESOLVED_PREFIX = '<<unresolved ';

export function unresolvedPlaceholder(what: string): string {
  return `${UNRESOLVED_PREFIX}${what}>>`;
}

/** True when a resolved string is, or contains, a placeholder for something unresolved. */
export function containsUnresolved(value: string): boolean {
  return value.includes(UNRESOLVED_PREFIX);
}
