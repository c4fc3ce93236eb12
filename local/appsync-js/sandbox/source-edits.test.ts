import { applyEdits, keepLines } from './source-edits';

describe('applyEdits', () => {
  const original = 'export function f(a) {\n  return a.b;\n}\n';

  it('applies insertions and replacements in order and maps positions back', () => {
    const edited = applyEdits(original, [
      { start: 0, end: 7, text: '', order: 2 },
      { start: 22, end: 22, text: 'check();', order: 1 },
      { start: 0, end: 0, text: 'wrap(', order: -1 },
      { start: original.length, end: original.length, text: ')', order: 3 },
    ]);
    expect(edited.text).toBe('wrap(function f(a) {check();\n  return a.b;\n}\n)');
    // `f` on line 1 and `b` on line 2 of the result, back to the original.
    expect([edited.originalPosition(1, 15), edited.originalPosition(2, 12), edited.originalPosition(1, 22)]).toEqual([
      { line: 1, column: 17 },
      { line: 2, column: 12 },
      { line: 1, column: 23 },
    ]);
  });

  it('orders closing insertions at the same offset innermost first', () => {
    const edited = applyEdits('x', [
      { start: 1, end: 1, text: '}', order: 10 },
      { start: 1, end: 1, text: ')', order: 5 },
      { start: 0, end: 0, text: '{', order: 1_000_001 },
      { start: 0, end: 0, text: '(', order: 1_000_002 },
    ]);
    expect(edited.text).toBe('{(x)}');
  });

  it('keeps the line count of a replaced range', () => {
    const text = 'import {\n  a,\n} from "m";\nnext';
    expect(keepLines(text, 0, 21, 'const { a } = m;')).toBe('const { a } = m;\n\n');
  });
});
