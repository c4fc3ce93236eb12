// Which items DynamoDB's TTL would delete. "How it works: DynamoDB Time to Live (TTL)"
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html): an item
// expires when its TTL attribute is a top-level Number, in Unix epoch seconds, older than the current
// time but not five years older or more; any other value is ignored
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type TtlVerdict = 'expired' | 'not-yet' | 'not-a-number' | 'over-five-years-old' | 'missing';

const FIVE_YEARS = 5;

export function ttlVerdict(value: AttributeValue | undefined, now: Date): TtlVerdict {
  if (value === undefined) return 'missing';
  if (value.N === undefined) return 'not-a-number';
  const expiresAtMs = Number(value.N) * 1000;
  // "The item will be expired after that time": strictly older than now.
  if (!(expiresAtMs < now.getTime())) return 'not-yet';
  const fiveYearsAgo = new Date(now.getTime());
  fiveYearsAgo.setUTCFullYear(fiveYearsAgo.getUTCFullYear() - FIVE_YEARS);
  return expiresAtMs <= fiveYearsAgo.getTime() ? 'over-five-years-old' : 'expired';
}
