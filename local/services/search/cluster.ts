// The indices of one running service (never module-level state), their refresh timers, and the
// change notifications that drive snapshots.
import { indexNotFound, SearchApiError } from './errors';
import { SearchIndex, type IndexSnapshot } from './search-index';

const INVALID_NAME_CHARACTERS = /[\\/*?"<>| ,#:A-Z]/;

function checkIndexName(name: string): void {
  const invalid = (why: string) => new SearchApiError(400, 'invalid_index_name_exception', `Invalid index name [${name}], ${why}`, { index: name, index_uuid: '_na_' });
  if (name !== name.toLowerCase()) throw invalid('must be lowercase');
  if (INVALID_NAME_CHARACTERS.test(name)) throw invalid('must not contain the following characters [ , ", *, \\, <, |, ,, >, /, ?]');
  if (/^[_\-+]/.test(name)) throw invalid("must not start with '_', '-', or '+'");
  if (name === '.' || name === '..') throw invalid("must not be '.' or '..'");
  if (Buffer.byteLength(name) > 255) throw invalid('index name is too long');
}

export class SearchCluster {
  private readonly indices = new Map<string, SearchIndex>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onChange: () => void) {}

  find(name: string): SearchIndex | undefined {
    return this.indices.get(name);
  }

  get(name: string): SearchIndex {
    const index = this.indices.get(name);
    if (!index) throw indexNotFound(name);
    return index;
  }

  all(): SearchIndex[] {
    return [...this.indices.values()];
  }

  create(name: string, settings: unknown, mappings: unknown): SearchIndex {
    checkIndexName(name);
    const existing = this.indices.get(name);
    if (existing) throw new SearchApiError(400, 'resource_already_exists_exception', `index [${name}/${existing.uuid}] already exists`, { index: name, index_uuid: existing.uuid });
    const index = new SearchIndex(name, settings, mappings);
    this.add(index);
    this.onChange();
    return index;
  }

  /** Writes to a missing index create it with dynamic mapping, as `action.auto_create_index` does. */
  getOrCreate(name: string): SearchIndex {
    return this.indices.get(name) ?? this.create(name, undefined, undefined);
  }

  delete(name: string): void {
    this.get(name);
    clearInterval(this.timers.get(name));
    this.timers.delete(name);
    this.indices.delete(name);
    this.onChange();
  }

  restore(snapshots: readonly IndexSnapshot[]): void {
    for (const snapshot of snapshots) this.add(SearchIndex.restore(snapshot));
  }

  changed(): void {
    this.onChange();
  }

  stop(): void {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
  }

  private add(index: SearchIndex): void {
    this.indices.set(index.name, index);
    const interval = index.settings.refreshIntervalMs;
    if (interval === null || interval <= 0) return;
    const timer = setInterval(() => {
      if (index.hasPendingChanges) index.refresh();
    }, interval);
    timer.unref();
    this.timers.set(index.name, timer);
  }
}
