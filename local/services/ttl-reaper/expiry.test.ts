import { ttlVerdict } from './expiry';

// The rules are those of "How it works: DynamoDB Time to Live (TTL)":
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
describe('ttlVerdict', () => {
  it('expires Numbers in epoch seconds older than now but less than five years old, and ignores the rest', () => {
    const now = new Date('2026-07-01T00:00:00.000Z');
    const nowSeconds = now.getTime() / 1000;
    const fiveYearsAgo = Date.parse('2021-07-01T00:00:00.000Z') / 1000;
    const cases = {
      missing: undefined,
      oneSecondAgo: { N: String(nowSeconds - 1) },
      exactlyNow: { N: String(nowSeconds) },
      inAnHour: { N: String(nowSeconds + 3600) },
      fractionalPast: { N: String(nowSeconds - 0.5) },
      string: { S: String(nowSeconds - 1) },
      millisecondsInsteadOfSeconds: { N: String(now.getTime() - 1000) },
      justUnderFiveYears: { N: String(fiveYearsAgo + 1) },
      exactlyFiveYears: { N: String(fiveYearsAgo) },
      twentyYears: { N: '1171734022' },
    };
    expect(Object.fromEntries(Object.entries(cases).map(([name, value]) => [name, ttlVerdict(value, now)]))).toEqual({
      missing: 'missing',
      oneSecondAgo: 'expired',
      exactlyNow: 'not-yet',
      inAnHour: 'not-yet',
      fractionalPast: 'expired',
      string: 'not-a-number',
      millisecondsInsteadOfSeconds: 'not-yet',
      justUnderFiveYears: 'expired',
      exactlyFiveYears: 'over-five-years-old',
      twentyYears: 'over-five-years-old',
    });
  });
});
