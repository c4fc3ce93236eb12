// Applies insertions and replacements to source text and maps positions in the result back to
// the original, so runtime errors and console lines report the resolver's own `code.js:LINE:COL`.
import { lineStarts, offsetAt, positionAt } from '../validation/positions';

/** Replace `[start, end)` with `text`; `start === end` inserts. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
  /**
   * Orders edits at the same offset: closing insertions come first (innermost first), then opening
   * insertions (outermost first), then replacements.
   */
  order: number;
}

interface Segment {
  outStart: number;
  origStart: number;
  length: number;
}

export interface EditedSource {
  text: string;
  /** Maps a 1-based position in `text` to the 1-based position in the original source. */
  originalPosition(line: number, column: number): { line: number; column: number };
}

/** Replacement text padded with the newlines it replaces, so later lines keep their numbers. */
export function keepLines(original: string, start: number, end: number, text: string): string {
  const newlines = original.slice(start, end).split('\n').length - 1;
  return text + '\n'.repeat(newlines);
}

export function applyEdits(original: string, edits: SourceEdit[]): EditedSource {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.order - b.order);
  const parts: string[] = [];
  const segments: Segment[] = [];
  let out = 0;
  let cursor = 0;
  const copy = (until: number): void => {
    if (until <= cursor) return;
    segments.push({ outStart: out, origStart: cursor, length: until - cursor });
    parts.push(original.slice(cursor, until));
    out += until - cursor;
    cursor = until;
  };
  for (const edit of sorted) {
    copy(edit.start);
    // Inserted text maps to the position it was inserted at.
    segments.push({ outStart: out, origStart: edit.start, length: 0 });
    parts.push(edit.text);
    out += edit.text.length;
    cursor = Math.max(cursor, edit.end);
  }
  copy(original.length);
  const text = parts.join('');
  const outStarts = lineStarts(text);
  const origStarts = lineStarts(original);
  return {
    text,
    originalPosition(line, column) {
      const offset = offsetAt(outStarts, line, column);
      let segment = segments[0];
      for (const candidate of segments) {
        if (candidate.outStart > offset) break;
        segment = candidate;
      }
      const orig = segment ? segment.origStart + Math.min(offset - segment.outStart, segment.length) : offset;
      return positionAt(origStarts, orig);
    },
  };
}
