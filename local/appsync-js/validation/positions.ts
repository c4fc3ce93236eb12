// Line/column arithmetic over source text. Lines and columns are 1-based, as in AppSync's
// `code.js:LINE:COL` messages.

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}

export function offsetAt(starts: number[], line: number, column: number): number {
  return (starts[line - 1] ?? 0) + column - 1;
}

export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

/** Characters between two positions, or -1 (AWS's "unknown") when the end is missing. */
export function spanOf(text: string, line: number, column: number, endLine?: number, endColumn?: number): number {
  if (endLine === undefined || endColumn === undefined) return -1;
  const starts = lineStarts(text);
  return offsetAt(starts, endLine, endColumn) - offsetAt(starts, line, column);
}
