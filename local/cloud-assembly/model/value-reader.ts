import { isRecord } from '../template';
import type { WarningSink } from '../warnings';

/**
 * Typed access to resolved properties. A value of the wrong type is ignored with an
 * InvalidPropertyValue warning instead of being passed on; numbers and booleans given as strings
 * (which CloudFormation accepts) are converted.
 */
export class ValueReader {
  constructor(
    private readonly values: Readonly<Record<string, unknown>>,
    readonly path: string,
    private readonly warnings: WarningSink,
  ) {}

  has(key: string): boolean {
    return this.values[key] !== undefined;
  }

  value(key: string): unknown {
    return this.values[key];
  }

  /** The entries whose values are strings, e.g. a Lambda environment's variables. */
  stringEntries(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.values)) {
      if (typeof value === 'string') result[key] = value;
      else this.invalid(key, 'a string');
    }
    return result;
  }

  string(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined || typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.invalid(key, 'a string');
  }

  number(key: string): number | undefined {
    const value = this.values[key];
    if (value === undefined || typeof value === 'number') return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    return this.invalid(key, 'a number');
  }

  boolean(key: string): boolean | undefined {
    const value = this.values[key];
    if (value === undefined || typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.invalid(key, 'a boolean');
  }

  strings(key: string): string[] | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    return this.invalid(key, 'a list of strings');
  }

  /** A string from a fixed set, e.g. `KeyType`; anything else is ignored with a warning. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
    return this.invalid(key, `one of ${allowed.join(', ')}`);
  }

  object(key: string): ValueReader | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    if (isRecord(value)) return new ValueReader(value, `${this.path}.${key}`, this.warnings);
    return this.invalid(key, 'an object');
  }

  objects(key: string): ValueReader[] {
    const value = this.values[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return this.invalid(key, 'a list') ?? [];
    return value.flatMap((item, index) => {
      if (isRecord(item)) return [new ValueReader(item, `${this.path}.${key}.${index}`, this.warnings)];
      this.warnings.add('InvalidPropertyValue', `${this.path}.${key}.${index} should be an object but is ${JSON.stringify(item)}; it is ignored.`);
      return [];
    });
  }

  /** The fallback for a required property that is absent or invalid, with a warning naming both. */
  missing<T>(key: string, fallback: T): T {
    this.warnings.add('InvalidPropertyValue', `${this.path}.${key} is missing or invalid; used ${JSON.stringify(fallback)}.`);
    return fallback;
  }

  private invalid(key: string, expected: string): undefined {
    this.warnings.add('InvalidPropertyValue', `${this.path}.${key} should be ${expected} but is ${JSON.stringify(this.values[key])}; it is ignored.`);
    return undefined;
  }
}
