// A Notes row, as a stream image gives it, made into the document the index holds.
import type { NoteChecklistItem, NoteDocument } from '../shared/opensearch-notes-index';
import { MalformedNoteRecordError } from './errors';

export function toNoteDocument(item: Record<string, unknown>): NoteDocument {
  const id = requiredString(item, 'id');
  const field = (name: string) => `Note ${id}: ${name}`;
  return {
    id,
    spaceId: requiredString(item, 'spaceId'),
    // Null once the author expired and their notes were anonymised.
    authorId: optionalString(item, 'authorId', field),
    title: requiredString(item, 'title'),
    body: optionalString(item, 'body', field),
    checklist: list(item, 'checklist', field).map((entry) => checklistItem(entry, field)),
    tags: list(item, 'tags', field).map((tag) => asString(tag, field('tags'))),
    links: list(item, 'links', field).map((link) => asString(link, field('links'))),
    createdAt: requiredString(item, 'createdAt'),
    updatedAt: requiredString(item, 'updatedAt'),
    version: requiredNumber(item, '_version', field),
    lastChangedAt: requiredNumber(item, '_lastChangedAt', field),
  };
}

function requiredString(item: Record<string, unknown>, name: string): string {
  const value = item[name];
  if (typeof value !== 'string' || value === '') throw new MalformedNoteRecordError(`A note's ${name} is ${describe(value)}; expected a string.`);
  return value;
}

function optionalString(item: Record<string, unknown>, name: string, field: (name: string) => string): string | null {
  const value = item[name];
  if (value === undefined || value === null) return null;
  return asString(value, field(name));
}

function requiredNumber(item: Record<string, unknown>, name: string, field: (name: string) => string): number {
  const value = item[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedNoteRecordError(`${field(name)} is ${describe(value)}; expected a number.`);
  return value;
}

/** A list attribute; a note written before the attribute existed has none, which is an empty list. */
function list(item: Record<string, unknown>, name: string, field: (name: string) => string): readonly unknown[] {
  const value = item[name];
  if (value === undefined || value === null) return [];
  if (value instanceof Set) return [...(value as Set<unknown>)];
  if (!Array.isArray(value)) throw new MalformedNoteRecordError(`${field(name)} is ${describe(value)}; expected a list.`);
  return value;
}

function checklistItem(value: unknown, field: (name: string) => string): NoteChecklistItem {
  const entry = value as Record<string, unknown> | null;
  if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string' || typeof entry.text !== 'string') {
    throw new MalformedNoteRecordError(`${field('checklist')} holds ${describe(value)}; expected { id, text, done }.`);
  }
  return { id: entry.id, text: entry.text, done: entry.done === true };
}

function asString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new MalformedNoteRecordError(`${what} holds ${describe(value)}; expected a string.`);
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return value === null ? 'null' : `a ${typeof value}`;
}
