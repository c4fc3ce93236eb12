import { itemsEqual, toAttributeValue, toItem, toJsonItem, toTypedJsonItem } from './attribute-values';

describe('typed values', () => {
  it('turns request typed values into SDK values, numbers as strings and binary as bytes', () => {
    expect(
      toItem(
        { n: { N: 1.5 }, s: { SS: ['a'] }, ns: { NS: [1, '2'] }, b: { B: 'aGk=' }, l: { L: [{ NULL: true }, { BOOL: true }] }, m: { M: { x: { S: 'y' } } } },
        '$[attributeValues]',
      ),
    ).toEqual({
      n: { N: '1.5' },
      s: { SS: ['a'] },
      ns: { NS: ['1', '2'] },
      b: { B: new Uint8Array([104, 105]) },
      l: { L: [{ NULL: true }, { BOOL: true }] },
      m: { M: { x: { S: 'y' } } },
    });
  });

  it.each([
    [{ S: 1 }, `Unable to parse the typed value at '$[v][S]': expected a string, got 1.`],
    [{ S: 'a', N: '1' }, `Unable to parse the typed value at '$[v]': expected exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL, got ["S","N"].`],
    [{ NULL: false }, `Unable to parse the typed value at '$[v][NULL]': NULL must be true.`],
    [{ L: [{ X: 1 }] }, `Unable to parse the typed value at '$[v][L][0]': expected exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL, got ["X"].`],
  ])('refuses %j', (value, message) => {
    expect(() => toAttributeValue(value, '$[v]')).toThrow(expect.objectContaining({ type: 'MappingTemplate', message }));
  });

  it('round-trips SDK values through the typed JSON kept in tokens', () => {
    const item = toItem({ id: { S: 'a' }, b: { B: 'aGk=' }, m: { M: { bs: { BS: ['aGk='] } } } }, '$');
    expect(toItem(toTypedJsonItem(item), '$')).toEqual(item);
  });

  it('converts results to plain JSON', () => {
    expect(toJsonItem({ n: { N: '10' }, bs: { BS: [new Uint8Array([104, 105])] }, ns: { NS: ['1', '2.5'] } })).toEqual({ n: 10, bs: ['aGk='], ns: [1, 2.5] });
  });

  it('compares items regardless of set order and key order, minus ignored attributes', () => {
    const a = toItem({ id: { S: '1' }, tags: { SS: ['x', 'y'] }, version: { N: 8 } }, '$');
    const b = toItem({ version: { N: '2' }, tags: { SS: ['y', 'x'] }, id: { S: '1' } }, '$');
    expect([itemsEqual(a, b), itemsEqual(a, b, ['version'])]).toEqual([false, true]);
  });
});
