import { exceedsJsonSize } from './output-size';

describe('exceedsJsonSize', () => {
  const noBudget = () => undefined;

  it('is a lower bound on the JSON length, holes and nested values included', () => {
    const value = { id: 'n1', tags: ['a', 'b', undefined], n: 3, ok: true, none: null, skipped: undefined, nested: { list: [1, 2] } };
    const json = JSON.stringify(value).length;
    const sparse: unknown[] = [];
    sparse.length = 1000;
    expect([
      exceedsJsonSize(value, json, noBudget),
      exceedsJsonSize(value, 20, noBudget),
      exceedsJsonSize(sparse, JSON.stringify(sparse).length, noBudget),
      exceedsJsonSize(sparse, 1000, noBudget),
    ]).toEqual([false, true, false, true]);
  });

  it('visits a shared or cyclic object once, and leaves toJSON output to be measured later', () => {
    const shared = { text: 'x'.repeat(10) };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    const custom = { toJSON: () => 'y'.repeat(100), body: 'z'.repeat(100) };
    expect([exceedsJsonSize(cyclic, 50, noBudget), exceedsJsonSize(custom, 10, noBudget)]).toEqual([false, false]);
  });

  it('runs the budget check for every object it walks', () => {
    let checks = 0;
    exceedsJsonSize({ a: [{}, {}], b: {} }, 1000, () => {
      checks += 1;
    });
    expect(checks).toBe(5);
  });
});
