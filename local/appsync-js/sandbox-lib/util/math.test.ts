import { createMathUtil } from './math';
import { createFakeHost } from './testing/fake-host';

// https://docs.aws.amazon.com/appsync/latest/devguide/math-helpers-in-util-math-js.html
describe('util.math', () => {
  it('rounds half up like Java Math.round, and takes minimum and maximum', () => {
    const math = createMathUtil(createFakeHost());
    expect([math.roundNum(2.5), math.roundNum(-2.5), math.roundNum(2.4), math.minVal(3, -1.5), math.maxVal(3, -1.5)]).toEqual([3, -2, 2, -1.5, 3]);
  });

  it('draws doubles in [0, 1) from the host randomness', () => {
    const host = createFakeHost();
    const math = createMathUtil(host);
    host.setRandomBytes([0x00]);
    const lowest = math.randomDouble();
    host.setRandomBytes([0x80, 0, 0, 0, 0, 0, 0]);
    const half = math.randomDouble();
    host.setRandomBytes([0xff]);
    const highest = math.randomDouble();
    expect([lowest, half, highest]).toEqual([0, 0.5, 1 - 2 ** -53]);
  });

  it('draws integers within the range, both ends included', () => {
    const host = createFakeHost();
    const math = createMathUtil(host);
    host.setRandomBytes([0x00]);
    const low = math.randomWithinRange(5, 10);
    host.setRandomBytes([0xff]);
    const high = math.randomWithinRange(5, 10);
    expect([low, high]).toEqual([5, 10]);
  });
});
