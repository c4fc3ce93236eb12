import { createFakeHost } from '../testing/fake-host';
import { createTimeUtil } from './index';

// The examples of https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time.html
// ("Standalone function examples", "Conversion examples", "Parsing examples", "Usage with AWS
// AppSync defined scalars"); the APPSYNC_JS page lists the same functions.
describe('util.time, on AppSync documented examples', () => {
  it('gives the current time in every documented form', () => {
    const time = createTimeUtil(createFakeHost({ now: 1517943695749 }));
    expect({
      iso: time.nowISO8601(),
      seconds: time.nowEpochSeconds(),
      millis: time.nowEpochMilliSeconds(),
      utc: time.nowFormatted('yyyy-MM-dd HH:mm:ssZ'),
      offset: time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', '+08:00'),
      region: time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth'),
    }).toEqual({
      iso: '2018-02-06T19:01:35.749Z',
      seconds: 1517943695,
      millis: 1517943695749,
      utc: '2018-02-06 19:01:35+0000',
      offset: '2018-02-07 03:01:35+0800',
      region: '2018-02-07 03:01:35+0800',
    });
  });

  it('converts epoch milliseconds', () => {
    const time = createTimeUtil(createFakeHost());
    const nowEpochMillis = 1517943695758;
    expect([
      time.epochMilliSecondsToSeconds(nowEpochMillis),
      time.epochMilliSecondsToISO8601(nowEpochMillis),
      time.epochMilliSecondsToFormatted(nowEpochMillis, 'yyyy-MM-dd HH:mm:ssZ'),
      time.epochMilliSecondsToFormatted(nowEpochMillis, 'yyyy-MM-dd HH:mm:ssZ', '+08:00'),
    ]).toEqual([1517943695, '2018-02-06T19:01:35.758Z', '2018-02-06 19:01:35+0000', '2018-02-07 03:01:35+0800']);
  });

  it('parses ISO 8601 and formatted timestamps', () => {
    const time = createTimeUtil(createFakeHost());
    expect([
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00'),
      time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ'),
      time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00'),
    ]).toEqual([1517476865180, 1517505562000, 1517505562000]);
  });

  it('writes AWSDate and AWSDateTime values with optional offset sections', () => {
    const time = createTimeUtil(createFakeHost({ now: Date.parse('2018-07-11T22:14:45.000Z') }));
    expect([
      time.nowFormatted('yyyy-MM-dd[XXX]', '-07:00:30'),
      time.nowFormatted("yyyy-MM-dd'T'HH:mm:ss[XXXXX]", '-07:00:30'),
    ]).toEqual(['2018-07-11-07:00', '2018-07-11T15:14:15-07:00:30']);
  });
});

describe('util.time edge cases', () => {
  it('truncates negative milliseconds towards zero, like Java long division', () => {
    const time = createTimeUtil(createFakeHost({ now: -1500 }));
    expect([time.nowEpochSeconds(), time.epochMilliSecondsToSeconds(-1500), time.nowISO8601()]).toEqual([-1, -1, '1969-12-31T23:59:58.500Z']);
  });

  it('accepts epoch milliseconds as numeric text, and rejects anything else', () => {
    const time = createTimeUtil(createFakeHost());
    expect(time.epochMilliSecondsToISO8601('1517943695758' as unknown as number)).toEqual('2018-02-06T19:01:35.758Z');
    expect(() => time.epochMilliSecondsToSeconds('soon' as unknown as number)).toThrow('Expected epoch milliseconds as a finite number, got "soon"');
  });

  it('rejects an unknown time zone', () => {
    const time = createTimeUtil(createFakeHost());
    expect(() => time.nowFormatted('yyyy', 'Mars/Olympus_Mons')).toThrow('Unknown time-zone ID: Mars/Olympus_Mons');
  });
});
