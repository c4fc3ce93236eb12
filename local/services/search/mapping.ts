// An index's mapping: the JSON the client gave (plus dynamically added fields), compiled into the
// leaf fields that drive indexing: text is analyzed into the full-text engine; keyword, date,
// number and boolean values are kept for filters and sorting.
import type { Analyzer, AnalyzerRegistry } from './analysis';
import { parseDate } from './dates';
import { SearchApiError, unsupported } from './errors';

export type FieldKind = 'text' | 'keyword' | 'date' | 'number' | 'boolean';
export type FieldValue = string | number | boolean;

export interface IndexedField {
  readonly path: string;
  /** Where the value is in `_source`: the path itself, or the parent's for a multi-field (`title.keyword` → `title`). */
  readonly sourcePath: string;
  /** The OpenSearch type as mapped (`long`, `text`, ...). */
  readonly type: string;
  readonly kind: FieldKind;
  readonly analyzer: Analyzer;
  readonly searchAnalyzer: Analyzer;
  /** `index: false` fields stay in `_source` but match nothing. */
  readonly indexed: boolean;
  readonly ignoreAbove?: number;
  readonly integer: boolean;
}

type Json = Record<string, unknown>;

const NUMBER_TYPES = new Set(['long', 'integer', 'short', 'byte', 'double', 'float', 'half_float', 'scaled_float', 'unsigned_long']);
const INTEGER_TYPES = new Set(['long', 'integer', 'short', 'byte', 'unsigned_long']);
const DATE_FORMATS = new Set(['strict_date_optional_time||epoch_millis', 'strict_date_optional_time', 'date_optional_time', 'epoch_millis', 'strict_date_time']);
const COMMON_PARAMS = ['type', 'index', 'store', 'doc_values'];
const PARAMS: Readonly<Record<FieldKind | 'object', readonly string[]>> = {
  text: [...COMMON_PARAMS, 'analyzer', 'search_analyzer', 'fields', 'norms'],
  keyword: [...COMMON_PARAMS, 'fields', 'ignore_above'],
  date: [...COMMON_PARAMS, 'format', 'fields'],
  number: [...COMMON_PARAMS, 'scaling_factor', 'coerce', 'fields'],
  boolean: [...COMMON_PARAMS, 'fields'],
  object: ['type', 'properties', 'dynamic', 'enabled'],
};

function kindOf(type: unknown, path: string): FieldKind | 'object' {
  if (type === undefined || type === 'object') return 'object';
  if (type === 'text' || type === 'keyword' || type === 'date' || type === 'boolean') return type;
  if (typeof type === 'string' && NUMBER_TYPES.has(type)) return 'number';
  throw unsupported(`field type [${String(type)}] of [${path}]`);
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const mapperParsing = (reason: string, extra: Json = {}): SearchApiError => new SearchApiError(400, 'mapper_parsing_exception', reason, extra);

function dynamicSetting(value: unknown, where: string): 'true' | 'false' | 'strict' {
  if (value === undefined || value === true || value === 'true') return 'true';
  if (value === false || value === 'false') return 'false';
  if (value === 'strict') return 'strict';
  throw mapperParsing(`Could not convert [${where}.dynamic] to boolean`);
}

/** What the source value of one document becomes for one field; undefined when it cannot. */
function convert(field: IndexedField, value: unknown): FieldValue | undefined {
  switch (field.kind) {
    case 'text':
    case 'keyword':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'date':
      return parseDate(value);
    case 'boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false' || value === '') return false;
      return undefined;
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) return undefined;
      return field.integer ? Math.trunc(number) : number;
    }
  }
}

/** The mapping OpenSearch's dynamic mapping gives a new field, from its first value. */
function inferMapping(value: unknown): Json | undefined {
  const sample = Array.isArray(value) ? value.find((item) => item !== null) : value;
  if (sample === undefined || sample === null) return undefined;
  if (typeof sample === 'boolean') return { type: 'boolean' };
  if (typeof sample === 'number') return { type: Number.isInteger(sample) ? 'long' : 'float' };
  if (isObject(sample)) return { properties: {} };
  if (typeof sample === 'string' && /^\d{4}-\d{2}-\d{2}/.test(sample) && parseDate(sample) !== undefined) return { type: 'date' };
  return { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } };
}

export interface PreparedDocument {
  /** Field path → the values of that field in the document (leaf and multi-fields). */
  readonly values: ReadonlyMap<string, readonly FieldValue[]>;
}

export class IndexMapping {
  /** The mapping as GET _mapping returns it. */
  readonly properties: Json;
  private readonly dynamic: 'true' | 'false' | 'strict';
  private fieldsByPath = new Map<string, IndexedField>();
  /** `title` → `title.keyword`, ...: the multi-fields indexed from the same source value. */
  private multiFieldsByParent = new Map<string, IndexedField[]>();

  constructor(
    mappings: unknown,
    private readonly analyzers: AnalyzerRegistry,
  ) {
    const root = mappings === undefined ? {} : mappings;
    if (!isObject(root)) throw mapperParsing('Failed to parse mapping: mappings must be an object');
    const { properties = {}, dynamic, ...rest } = root;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) throw unsupported(`mapping parameter [${unknown[0]}]`);
    if (!isObject(properties)) throw mapperParsing('Failed to parse mapping: [properties] must be an object');
    this.properties = structuredClone(properties);
    this.dynamic = dynamicSetting(dynamic, '_doc');
    this.compile();
  }

  /** The mapping body of GET /{index}/_mapping. */
  toJSON(): Json {
    return { ...(this.dynamic === 'true' ? {} : { dynamic: this.dynamic }), ...(Object.keys(this.properties).length > 0 ? { properties: this.properties } : {}) };
  }

  field(path: string): IndexedField | undefined {
    return this.fieldsByPath.get(path);
  }

  fields(): IndexedField[] {
    return [...this.fieldsByPath.values()];
  }

  textFields(): IndexedField[] {
    return this.fields().filter((field) => field.kind === 'text' && field.indexed);
  }

  /** Checks and converts a document; new fields join the mapping only if the whole document is accepted. */
  prepare(id: string, source: Json): PreparedDocument {
    const values = new Map<string, FieldValue[]>();
    const additions = new Map<string, Json>();
    this.walk(id, source, this.properties, '', this.dynamic, values, additions);
    if (additions.size > 0) {
      for (const [path, mapping] of additions) this.insert(path, mapping);
      this.compile();
      // Values of the new fields: walk again now that they are mapped.
      values.clear();
      this.walk(id, source, this.properties, '', this.dynamic, values, new Map());
    }
    return { values };
  }

  private insert(path: string, mapping: Json): void {
    const segments = path.split('.');
    let properties = this.properties;
    for (const segment of segments.slice(0, -1)) properties = (properties[segment] as Json).properties as Json;
    properties[segments[segments.length - 1]] = mapping;
  }

  private walk(id: string, source: Json, properties: Json, prefix: string, dynamic: 'true' | 'false' | 'strict', values: Map<string, FieldValue[]>, additions: Map<string, Json>): void {
    for (const [key, value] of Object.entries(source)) {
      if (value === null) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      let mapping = (properties[key] as Json | undefined) ?? additions.get(path);
      if (mapping === undefined) {
        if (dynamic === 'strict') {
          throw new SearchApiError(400, 'strict_dynamic_mapping_exception', `mapping set to strict, dynamic introduction of [${key}] within [${prefix || '_doc'}] is not allowed`);
        }
        if (dynamic === 'false') continue;
        mapping = inferMapping(value);
        if (mapping === undefined) continue;
        additions.set(path, mapping);
      }
      if (kindOf(mapping.type, path) === 'object') {
        if (mapping.enabled === false) continue;
        const childDynamic = mapping.dynamic === undefined ? dynamic : dynamicSetting(mapping.dynamic, path);
        for (const item of (Array.isArray(value) ? value : [value]) as unknown[]) {
          if (item === null) continue;
          if (!isObject(item)) throw mapperParsing(`object mapping for [${path}] tried to parse field [${key}] as object, but found a concrete value`);
          this.walk(id, item, (mapping.properties as Json | undefined) ?? {}, path, childDynamic, values, additions);
        }
        continue;
      }
      this.leafValues(id, path, value, values);
    }
  }

  private leafValues(id: string, path: string, value: unknown, values: Map<string, FieldValue[]>): void {
    const field = this.fieldsByPath.get(path);
    if (field === undefined) return; // a field added by this very document: read on the second walk
    const items = (Array.isArray(value) ? value.flat(Infinity) : [value]).filter((item) => item !== null);
    for (const item of items) {
      if (isObject(item)) throw mapperParsing(`failed to parse field [${path}] of type [${field.type}] in document with id '${id}'. Preview of field's value: '${JSON.stringify(item)}'`);
      const converted = convert(field, item);
      if (converted === undefined) {
        throw mapperParsing(`failed to parse field [${path}] of type [${field.type}] in document with id '${id}'. Preview of field's value: '${String(item)}'`);
      }
      for (const target of [field, ...this.multiFields(path)]) {
        const targetValue = target === field ? converted : convert(target, item);
        if (targetValue === undefined) continue;
        if (target.ignoreAbove !== undefined && typeof targetValue === 'string' && targetValue.length > target.ignoreAbove) continue;
        const list = values.get(target.path);
        if (list) list.push(targetValue);
        else values.set(target.path, [targetValue]);
      }
    }
  }

  private multiFields(path: string): readonly IndexedField[] {
    return this.multiFieldsByParent.get(path) ?? [];
  }

  private compile(): void {
    const fields = new Map<string, IndexedField>();
    const multiFields = new Map<string, IndexedField[]>();
    const visit = (properties: Json, prefix: string) => {
      for (const [name, raw] of Object.entries(properties)) {
        const path = prefix ? `${prefix}.${name}` : name;
        if (!isObject(raw)) throw mapperParsing(`Expected map for property [fields] on field [${name}] but got a class java.lang.String`);
        const kind = kindOf(raw.type, path);
        const unknown = Object.keys(raw).filter((key) => !PARAMS[kind].includes(key));
        if (unknown.length > 0) throw unsupported(`mapping parameter [${unknown[0]}] of field [${path}]`);
        if (kind === 'object') {
          if (raw.properties !== undefined && !isObject(raw.properties)) throw mapperParsing(`Expected map for property [properties] on field [${path}]`);
          if (raw.dynamic !== undefined) dynamicSetting(raw.dynamic, path);
          visit((raw.properties as Json | undefined) ?? {}, path);
          continue;
        }
        fields.set(path, this.leaf(path, kind, raw));
        if (raw.fields !== undefined) {
          if (!isObject(raw.fields)) throw mapperParsing(`Expected map for property [fields] on field [${path}]`);
          for (const [sub, subRaw] of Object.entries(raw.fields)) {
            if (!isObject(subRaw)) throw mapperParsing(`Expected map for property [fields] on field [${path}.${sub}]`);
            const subKind = kindOf(subRaw.type, `${path}.${sub}`);
            if (subKind === 'object' || subRaw.fields !== undefined) throw unsupported(`multi-field [${path}.${sub}] of type object or with its own fields`);
            const unknownSub = Object.keys(subRaw).filter((key) => !PARAMS[subKind].includes(key));
            if (unknownSub.length > 0) throw unsupported(`mapping parameter [${unknownSub[0]}] of field [${path}.${sub}]`);
            const subField = { ...this.leaf(`${path}.${sub}`, subKind, subRaw), sourcePath: path };
            fields.set(subField.path, subField);
            multiFields.set(path, [...(multiFields.get(path) ?? []), subField]);
          }
        }
      }
    };
    visit(this.properties, '');
    this.fieldsByPath = fields;
    this.multiFieldsByParent = multiFields;
  }

  private leaf(path: string, kind: FieldKind, raw: Json): IndexedField {
    if (kind === 'date' && raw.format !== undefined && !DATE_FORMATS.has(String(raw.format))) throw unsupported(`date format [${String(raw.format)}] of field [${path}]`);
    if (raw.type === 'scaled_float' && typeof raw.scaling_factor !== 'number') throw mapperParsing(`Field [scaling_factor] is required`);
    const analyzerName = kind === 'text' ? String(raw.analyzer ?? 'standard') : 'keyword';
    const analyzer = this.analyzers.get(analyzerName);
    const searchAnalyzer = kind === 'text' && raw.search_analyzer !== undefined ? this.analyzers.get(String(raw.search_analyzer)) : analyzer;
    return {
      path,
      sourcePath: path,
      type: String(raw.type),
      kind,
      analyzer,
      searchAnalyzer,
      indexed: raw.index !== false,
      ignoreAbove: typeof raw.ignore_above === 'number' ? raw.ignore_above : undefined,
      integer: INTEGER_TYPES.has(String(raw.type)),
    };
  }
}
