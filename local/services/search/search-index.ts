// One index: the real-time document store (GET by id, versions, sequence numbers) and the
// searchable view that a refresh brings up to date, as OpenSearch's near-real-time search does.
// Full text goes to MiniSearch; keyword values get postings for term filters.
import { randomBytes } from 'node:crypto';
import MiniSearch, { type SearchResult } from 'minisearch';
import { AnalyzerRegistry } from './analysis';
import { SearchApiError } from './errors';
import { IndexMapping, type FieldValue, type IndexedField } from './mapping';
import { parseSettings, type IndexSettings } from './settings';

type Json = Record<string, unknown>;

export interface StoredDocument {
  readonly id: string;
  readonly source: Json;
  readonly version: number;
  readonly seqNo: number;
  readonly values: ReadonlyMap<string, readonly FieldValue[]>;
}

export type WriteResultKind = 'created' | 'updated' | 'deleted' | 'not_found' | 'noop';

export interface WriteResult {
  readonly id: string;
  readonly result: WriteResultKind;
  readonly status: number;
  readonly version: number;
  readonly seqNo: number;
}

export interface UpdateRequest {
  readonly doc?: Json;
  readonly upsert?: Json;
  readonly docAsUpsert: boolean;
  readonly detectNoop: boolean;
}

/** Scores by document id: what a query clause matched. */
export type Matches = Map<string, number>;

export interface TextSearch {
  readonly text: string;
  readonly operator: 'or' | 'and';
  /** Edit distance per query term, or none. */
  readonly fuzziness?: (term: string) => number;
  /** Matched query terms a document needs, given how many terms the query has. */
  readonly minimumShouldMatch?: (termCount: number) => number;
  /** Match the text as one term, not analyzed (a `term` query on a text field). */
  readonly exactTerm?: boolean;
}

/** Scores only documents in `within`, when given. */
export type Within = ReadonlySet<string> | undefined;

/** Lucene's BM25 parameters; MiniSearch's own defaults (b 0.7, d 0.5) would rank differently. */
const LUCENE_BM25 = { k: 1.2, b: 0.75, d: 0 };
const ENGINE_ID = '_id';

export interface IndexSnapshot {
  readonly name: string;
  readonly uuid: string;
  readonly settings: unknown;
  readonly mappings: unknown;
  readonly maxSeqNo: number;
  readonly documents: readonly (readonly [id: string, version: number, seqNo: number, source: Json])[];
}

export class SearchIndex {
  readonly uuid: string;
  readonly settings: IndexSettings;
  readonly mapping: IndexMapping;
  private readonly live = new Map<string, StoredDocument>();
  /** The version a deleted id had, so that indexing it again continues from there. */
  private readonly tombstones = new Map<string, number>();
  private maxSeqNo = -1;
  private readonly pending = new Set<string>();
  private readonly searchable = new Map<string, StoredDocument>();
  private readonly postings = new Map<string, Map<string, Set<string>>>();
  private engine: MiniSearch;
  private engineFields: string[];
  private refreshWaiters: (() => void)[] = [];

  constructor(
    readonly name: string,
    /** The create-index body's `settings` and `mappings`, kept as given for GET and snapshots. */
    readonly rawSettings: unknown,
    rawMappings: unknown,
    uuid?: string,
  ) {
    this.uuid = uuid ?? randomBytes(16).toString('base64url').slice(0, 22);
    this.settings = parseSettings(rawSettings);
    this.mapping = new IndexMapping(rawMappings, new AnalyzerRegistry(this.settings.analysis));
    this.engineFields = this.textPaths();
    this.engine = this.newEngine(this.engineFields);
  }

  static restore(snapshot: IndexSnapshot): SearchIndex {
    const index = new SearchIndex(snapshot.name, snapshot.settings, snapshot.mappings, snapshot.uuid);
    for (const [id, version, seqNo, source] of snapshot.documents) {
      index.live.set(id, { id, source, version, seqNo, values: index.mapping.prepare(id, source).values });
      index.pending.add(id);
    }
    index.maxSeqNo = snapshot.maxSeqNo;
    index.refresh();
    return index;
  }

  snapshot(): IndexSnapshot {
    return {
      name: this.name,
      uuid: this.uuid,
      settings: this.rawSettings,
      mappings: this.mapping.toJSON(),
      maxSeqNo: this.maxSeqNo,
      documents: [...this.live.values()].map((doc) => [doc.id, doc.version, doc.seqNo, doc.source] as const),
    };
  }

  get documentCount(): number {
    return this.searchable.size;
  }

  get hasPendingChanges(): boolean {
    return this.pending.size > 0;
  }

  /** Real-time: a GET sees a write at once, before any refresh. */
  get(id: string): StoredDocument | undefined {
    return this.live.get(id);
  }

  index(id: string, source: Json, opType: 'index' | 'create'): WriteResult {
    const existing = this.live.get(id);
    if (opType === 'create' && existing) {
      throw this.conflict(`[${id}]: version conflict, document already exists (current version [${existing.version}])`);
    }
    const { values } = this.mapping.prepare(id, source);
    const version = (existing?.version ?? this.tombstones.get(id) ?? 0) + 1;
    const seqNo = ++this.maxSeqNo;
    this.live.set(id, { id, source, version, seqNo, values });
    this.tombstones.delete(id);
    this.pending.add(id);
    return existing ? { id, result: 'updated', status: 200, version, seqNo } : { id, result: 'created', status: 201, version, seqNo };
  }

  update(id: string, request: UpdateRequest): WriteResult {
    const existing = this.live.get(id);
    if (!existing) {
      if (request.docAsUpsert && request.doc) return this.index(id, request.doc, 'create');
      if (request.upsert) return this.index(id, request.upsert, 'create');
      throw new SearchApiError(404, 'document_missing_exception', `[${id}]: document missing`, { index: this.name, shard: '0', index_uuid: this.uuid });
    }
    const merged = request.doc ? mergeDocuments(existing.source, request.doc) : existing.source;
    if (request.detectNoop && JSON.stringify(merged) === JSON.stringify(existing.source)) {
      return { id, result: 'noop', status: 200, version: existing.version, seqNo: existing.seqNo };
    }
    return this.index(id, merged, 'index');
  }

  delete(id: string): WriteResult {
    const existing = this.live.get(id);
    const version = (existing?.version ?? this.tombstones.get(id) ?? 0) + 1;
    const seqNo = ++this.maxSeqNo;
    this.tombstones.set(id, version);
    if (!existing) return { id, result: 'not_found', status: 404, version, seqNo };
    this.live.delete(id);
    this.pending.add(id);
    return { id, result: 'deleted', status: 200, version, seqNo };
  }

  /** Makes every write so far searchable. */
  refresh(): void {
    const paths = this.textPaths();
    const rebuild = paths.join('\n') !== this.engineFields.join('\n');
    for (const id of this.pending) {
      const previous = this.searchable.get(id);
      const next = this.live.get(id);
      if (previous) {
        this.updatePostings(previous, 'remove');
        if (!rebuild) this.engine.discard(id);
      }
      if (next) {
        this.searchable.set(id, next);
        this.updatePostings(next, 'add');
        if (!rebuild) this.engine.add(this.engineDocument(next));
      } else {
        this.searchable.delete(id);
      }
    }
    this.pending.clear();
    if (rebuild) {
      // A new text field was mapped dynamically: MiniSearch fixes its fields when it is made.
      this.engineFields = paths;
      this.engine = this.newEngine(paths);
      this.engine.addAll([...this.searchable.values()].map((doc) => this.engineDocument(doc)));
    }
    const waiters = this.refreshWaiters;
    this.refreshWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves after the next refresh (`?refresh=wait_for`). */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  // ---- The searchable view, for queries ----

  searchableIds(): IterableIterator<string> {
    return this.searchable.keys();
  }

  searchableDocument(id: string): StoredDocument | undefined {
    return this.searchable.get(id);
  }

  /** Ids whose keyword field holds exactly `value`. */
  keywordIds(path: string, value: string): ReadonlySet<string> {
    return this.postings.get(path)?.get(value) ?? new Set();
  }

  /** BM25 scores of a full-text match on one text field, as Lucene computes them (k1 1.2, b 0.75). */
  searchText(field: IndexedField, search: TextSearch, within?: Within): Matches {
    const matches: Matches = new Map();
    if (!this.engineFields.includes(field.path)) return matches;
    const tokenize = search.exactTerm ? (text: string) => [text] : (text: string) => field.searchAnalyzer(text).map((token) => token.term);
    const terms = new Set(tokenize(search.text));
    if (terms.size === 0) return matches;
    const results: SearchResult[] = this.engine.search(search.text, {
      fields: [field.path],
      tokenize,
      processTerm: (term) => term,
      combineWith: search.operator === 'and' ? 'AND' : 'OR',
      fuzzy: search.fuzziness,
      bm25: LUCENE_BM25,
      // A zero boost makes MiniSearch skip the document before scoring it: the filter, pushed down.
      boostDocument: within ? (id) => (within.has(String(id)) ? 1 : 0) : undefined,
    });
    const required = search.minimumShouldMatch?.(terms.size) ?? 1;
    for (const result of results) {
      if (result.queryTerms.length < required) continue;
      // MiniSearch multiplies by the matched term count and keeps BM25's (k1 + 1) factor; Lucene does neither.
      matches.set(String(result.id), result.score / result.queryTerms.length / (LUCENE_BM25.k + 1));
    }
    return matches;
  }

  private conflict(reason: string): SearchApiError {
    return new SearchApiError(409, 'version_conflict_engine_exception', reason, { index: this.name, shard: '0', index_uuid: this.uuid });
  }

  private textPaths(): string[] {
    return this.mapping.textFields().map((field) => field.path).sort();
  }

  private newEngine(fields: readonly string[]): MiniSearch {
    return new MiniSearch({
      idField: ENGINE_ID,
      fields: [...fields],
      storeFields: [],
      tokenize: (text, fieldName) => {
        const field = fieldName === undefined ? undefined : this.mapping.field(fieldName);
        return field ? field.analyzer(text).map((token) => token.term) : [];
      },
      processTerm: (term) => term,
    });
  }

  private engineDocument(doc: StoredDocument): Record<string, string> {
    const engineDoc: Record<string, string> = { [ENGINE_ID]: doc.id };
    for (const path of this.engineFields) {
      const values = doc.values.get(path);
      // Array values are one field, as OpenSearch indexes them.
      if (values !== undefined) engineDoc[path] = values.join('\n');
    }
    return engineDoc;
  }

  private updatePostings(doc: StoredDocument, change: 'add' | 'remove'): void {
    for (const [path, values] of doc.values) {
      const field = this.mapping.field(path);
      if (!field || field.kind !== 'keyword' || !field.indexed) continue;
      let byValue = this.postings.get(path);
      if (!byValue) this.postings.set(path, (byValue = new Map()));
      for (const value of values) {
        const key = String(value);
        let ids = byValue.get(key);
        if (change === 'add') {
          if (!ids) byValue.set(key, (ids = new Set()));
          ids.add(doc.id);
        } else if (ids) {
          ids.delete(doc.id);
          if (ids.size === 0) byValue.delete(key);
        }
      }
    }
  }
}

/** The partial-document merge of `_update`: objects merge recursively, anything else is replaced. */
export function mergeDocuments(target: Json, patch: Json): Json {
  const merged: Json = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    const bothObjects = [current, value].every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
    merged[key] = bothObjects ? mergeDocuments(current as Json, value as Json) : value;
  }
  return merged;
}
