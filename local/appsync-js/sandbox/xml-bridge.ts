// The host side of util.xml: XML text in, JSON text out, in the shape AppSync's util.xml.toMap
// gives. AppSync's documented examples (https://docs.aws.amazon.com/appsync/latest/devguide/xml-helpers-in-util-xml-js.html)
// match the org.json XML.toJSONObject conventions, which this reproduces:
// - an element with only text becomes that text as a typed value ("1" -> 1, "true" -> true);
// - attributes become keys of the element's object, typed the same way;
// - text beside attributes or child elements goes under "content";
// - a repeated element becomes an array; an empty element becomes "";
// - comments, processing instructions and the declaration are dropped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Malformed XML given to util.xml. */
export class XmlParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'XmlParseError';
  }
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** fast-xml-parser's preserveOrder node: one tag (or #text / #cdata) key, plus ':@' attributes. */
type OrderedNode = Record<string, unknown>;

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
const CONTENT = 'content';
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };

function newParser(): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    allowBooleanAttributes: true,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    // Entities are decoded here, the way org.json does: the five XML ones and numeric references.
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    trimValues: true,
    cdataPropName: CDATA,
  });
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** org.json's XML.stringToValue: booleans, null and numbers become typed; "007" stays a string. */
export function stringToValue(text: string): Json {
  if (text === '') return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && /[.eE]|^-0$/.test(text)) {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (/^-?(0|[1-9]\d*)$/.test(text)) return Number(text);
  return text;
}

function accumulate(target: { [key: string]: Json }, key: string, value: Json): void {
  if (!Object.hasOwn(target, key)) {
    target[key] = value;
    return;
  }
  const existing = target[key];
  target[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

function elementValue(children: OrderedNode[], attributes: Record<string, unknown> | undefined): Json {
  const object: { [key: string]: Json } = {};
  for (const [name, raw] of Object.entries(attributes ?? {})) {
    accumulate(object, name, raw === true ? '' : stringToValue(decodeEntities(String(raw))));
  }
  for (const child of children) {
    if (Object.hasOwn(child, TEXT)) {
      accumulate(object, CONTENT, stringToValue(decodeEntities(String(child[TEXT]))));
    } else if (Object.hasOwn(child, CDATA)) {
      // CDATA is kept verbatim: no entity decoding, no typing.
      const parts = child[CDATA] as OrderedNode[];
      accumulate(object, CONTENT, parts.map((part) => String(part[TEXT] ?? '')).join(''));
    } else {
      addElement(object, child);
    }
  }
  const keys = Object.keys(object);
  if (keys.length === 0) return '';
  if (keys.length === 1 && keys[0] === CONTENT) return object[CONTENT];
  return object;
}

function addElement(target: { [key: string]: Json }, node: OrderedNode): void {
  const tag = Object.keys(node).find((key) => key !== ATTRIBUTES);
  if (tag === undefined) return;
  const attributes = node[ATTRIBUTES] as Record<string, unknown> | undefined;
  accumulate(target, tag, elementValue(node[tag] as OrderedNode[], attributes));
}

/** Parses XML the way AppSync's util.xml does and returns the result as JSON text. */
export function xmlToJson(xml: string): string {
  if (xml.trim() === '') return '{}';
  const validation = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new XmlParseError(`Malformed XML at line ${line}, column ${col}: ${msg}`);
  }
  const root: { [key: string]: Json } = {};
  for (const node of newParser().parse(xml) as OrderedNode[]) addElement(root, node);
  return JSON.stringify(root);
}
