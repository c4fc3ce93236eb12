import { util } from '@aws-appsync/utils';
import type { ChecklistItem, ChecklistItemInput, CreateNoteInput, UpdateNoteInput } from '../__generated__/schema-types';

export const TITLE_MAX = 200;
export const BODY_MAX = 20000;
export const TAGS_MAX = 20;
export const TAG_MAX = 30;
export const LINKS_MAX = 20;
export const LINK_MAX = 2048;
export const CHECKLIST_MAX = 100;
export const CHECKLIST_TEXT_MAX = 500;
/** A client-generated note id: a UUID or any other short URL-safe token. */
export const NOTE_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
/** AWSURL lets any scheme through; a note's links are opened and previewed, so only web pages. */
export const LINK_PATTERN = '^https?://[^\\s/?#]+[^\\s]*$';

/** The content of a note, validated: what createNote stores besides its ids and times. */
export type NoteContent = {
  title: string;
  body?: string;
  checklist: ChecklistItem[];
  tags: string[];
  links: string[];
};

/** Validated updateNote changes: a value sets the field, null clears `body`, absent leaves it. */
export type NoteChanges = {
  title?: string;
  body?: string | null;
  checklist?: ChecklistItem[];
  tags?: string[];
  links?: string[];
};

/** Checks createNote's input; raises a ValidationError that names the field. */
export function noteContent(input: CreateNoteInput): NoteContent {
  if (input.id !== undefined && input.id !== null && !util.matches(NOTE_ID_PATTERN, input.id)) {
    util.error(`id must be 1 to 64 letters, digits, "-" or "_" (received "${input.id}").`, 'ValidationError');
  }
  const content: NoteContent = {
    title: title(input.title),
    checklist: checklist(input.checklist),
    tags: tags(input.tags),
    links: links(input.links),
  };
  if (input.body !== undefined && input.body !== null) {
    content.body = body(input.body);
  }
  return content;
}

/** Checks updateNote's input: only the fields given change, and a list replaces the stored one. */
export function noteChanges(input: UpdateNoteInput): NoteChanges {
  const changes: NoteChanges = {};
  if (input.title !== undefined) {
    if (input.title === null) {
      util.error('title cannot be removed; a note always has a title.', 'ValidationError');
    }
    changes.title = title(input.title);
  }
  if (input.body !== undefined) {
    changes.body = input.body === null ? null : body(input.body);
  }
  if (input.checklist !== undefined) {
    changes.checklist = checklist(input.checklist);
  }
  if (input.tags !== undefined) {
    changes.tags = tags(input.tags);
  }
  if (input.links !== undefined) {
    changes.links = links(input.links);
  }
  if (Object.keys(changes).length === 0) {
    util.error('updateNote needs at least one of title, body, checklist, tags or links.', 'ValidationError');
  }
  return changes;
}

function title(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > TITLE_MAX) {
    util.error(`title must be 1 to ${TITLE_MAX} characters (received ${trimmed.length} after trimming).`, 'ValidationError');
  }
  return trimmed;
}

function body(value: string): string {
  if (value.length > BODY_MAX) {
    util.error(`body must be at most ${BODY_MAX} characters (received ${value.length}).`, 'ValidationError');
  }
  return value;
}

function tags(values: string[] | null | undefined): string[] {
  const list = values || [];
  if (list.length > TAGS_MAX) {
    util.error(`A note has at most ${TAGS_MAX} tags (received ${list.length}).`, 'ValidationError');
  }
  return list.map((tag) => {
    const trimmed = tag.trim();
    if (trimmed.length < 1 || trimmed.length > TAG_MAX) {
      util.error(`Each tag must be 1 to ${TAG_MAX} characters (received "${tag}").`, 'ValidationError');
    }
    return trimmed;
  });
}

function links(values: string[] | null | undefined): string[] {
  const list = values || [];
  if (list.length > LINKS_MAX) {
    util.error(`A note has at most ${LINKS_MAX} links (received ${list.length}).`, 'ValidationError');
  }
  list.forEach((link) => {
    if (link.length > LINK_MAX || !util.matches(LINK_PATTERN, link)) {
      util.error(`Each link must be an http:// or https:// URL of at most ${LINK_MAX} characters (received "${link.slice(0, 100)}").`, 'ValidationError');
    }
  });
  return list;
}

// A new item gets a server id; a kept id must be unique, since clients tick and reorder by it.
function checklist(values: ChecklistItemInput[] | null | undefined): ChecklistItem[] {
  const list = values || [];
  if (list.length > CHECKLIST_MAX) {
    util.error(`A checklist has at most ${CHECKLIST_MAX} items (received ${list.length}).`, 'ValidationError');
  }
  const seen: Record<string, boolean> = {};
  return list.map((item) => {
    const text = item.text.trim();
    if (text.length < 1 || text.length > CHECKLIST_TEXT_MAX) {
      util.error(`Each checklist item must be 1 to ${CHECKLIST_TEXT_MAX} characters (received ${text.length} after trimming).`, 'ValidationError');
    }
    const id = item.id || util.autoId();
    if (seen[id]) {
      util.error(`Checklist item ids must be unique within the note ("${id}" appears twice).`, 'ValidationError');
    }
    seen[id] = true;
    return { id, text, done: item.done === true };
  });
}
