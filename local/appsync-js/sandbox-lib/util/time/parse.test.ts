import { createFakeHost } from '../testing/fake-host';
import { createTimeUtil } from './index';

const time = createTimeUtil(createFakeHost());
const parse = (text: string, pattern: string, zone?: string) => time.parseFormattedToEpochMilliSeconds(text, pattern, zone);

// Parsing follows java.time's DateTimeFormatter with its SMART resolver
// (https://docs.oracle.com/javase/8/docs/api/java/time/format/DateTimeFormatter.html, "Resolving"),
// the pattern syntax AppSync documents for util.time.
describe('parseFormattedToEpochMilliSeconds', () => {
  it('reads numeric, text and zone fields', () => {
    expect([
      parse('20180206', 'yyyyMMdd'),
      parse('2018-02-06T19:01:35.749Z', "yyyy-MM-dd'T'HH:mm:ss.SSSX"),
      parse('Tue, 6 Feb 2018 19:01:35 GMT', 'EEE, d MMM yyyy HH:mm:ss z'),
      parse('February 6, 2018 7:01:35 PM', 'MMMM d, yyyy h:mm:ss a'),
      parse('06/02/18 19:01 Europe/Paris', 'dd/MM/yy HH:mm VV'),
      parse('2018-037 19:01:35 GMT+5:30', 'yyyy-DDD HH:mm:ss O'),
      parse('2018-02-06 19:01:35', 'yyyy-MM-dd HH:mm:ss[.SSS][XXX]'),
      parse('2018-02-06 19:01:35.5-01:00', 'yyyy-MM-dd HH:mm:ss[.S][XXX]'),
    ]).toEqual([
      Date.parse('2018-02-06T00:00:00Z'),
      Date.parse('2018-02-06T19:01:35.749Z'),
      Date.parse('2018-02-06T19:01:35Z'),
      Date.parse('2018-02-06T19:01:35Z'),
      Date.parse('2018-02-06T18:01:00Z'),
      Date.parse('2018-02-06T13:31:35Z'),
      Date.parse('2018-02-06T19:01:35Z'),
      Date.parse('2018-02-06T20:01:35.500Z'),
    ]);
  });

  it('uses the given zone unless the text names one', () => {
    expect([
      parse('2018-02-06 19:01', 'yyyy-MM-dd HH:mm', 'Asia/Tokyo'),
      parse('2018-02-06 19:01 +0100', 'yyyy-MM-dd HH:mm Z', 'Asia/Tokyo'),
    ]).toEqual([Date.parse('2018-02-06T10:01:00Z'), Date.parse('2018-02-06T18:01:00Z')]);
  });

  it('resolves daylight saving gaps forward and overlaps to the earlier offset, like ZonedDateTime', () => {
    expect([
      parse('2018-03-11 02:30', 'yyyy-MM-dd HH:mm', 'America/New_York'),
      parse('2018-11-04 01:30', 'yyyy-MM-dd HH:mm', 'America/New_York'),
    ]).toEqual([Date.parse('2018-03-11T07:30:00Z'), Date.parse('2018-11-04T05:30:00Z')]);
  });

  it('clamps the day to the month and reads 24:00 as the next midnight (SMART resolver)', () => {
    expect([parse('2018-02-30', 'yyyy-MM-dd'), parse('2018-02-06 24:00', 'yyyy-MM-dd HH:mm')]).toEqual([
      Date.parse('2018-02-28T00:00:00Z'),
      Date.parse('2018-02-07T00:00:00Z'),
    ]);
  });

  it('rejects text that does not match, or names an impossible value', () => {
    expect(() => parse('2018-02-06 19:01', 'yyyy-MM-dd')).toThrow("Text '2018-02-06 19:01' could not be parsed: unparsed text found at index 10");
    expect(() => parse('2018/02/06', 'yyyy-MM-dd')).toThrow("Text '2018/02/06' could not be parsed: it does not match the pattern");
    expect(() => parse('2018-13-06', 'yyyy-MM-dd')).toThrow("Text '2018-13-06' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13");
    expect(() => parse('Mon 2018-02-06', 'EEE yyyy-MM-dd')).toThrow("Text 'Mon 2018-02-06' could not be parsed: Conflict found: day of week 1 differs from the date's 2");
    expect(() => parse('19:01', 'HH:mm')).toThrow("Text '19:01' could not be parsed: the pattern has no year");
  });
});

describe('parseISO8601ToEpochMilliSeconds', () => {
  it('reads offsets, Z, fractions of any length and a bracketed zone', () => {
    expect([
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00'),
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T09:21:05Z'),
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T09:21:05.123456789Z'),
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T10:21:05+01:00[Europe/Paris]'),
      time.parseISO8601ToEpochMilliSeconds('2018-02-01T10:21:05[Europe/Paris]'),
    ]).toEqual([1517476865180, 1517476865000, 1517476865123, 1517476865000, 1517476865000]);
  });

  it('rejects what is not an ISO 8601 date-time', () => {
    expect(() => time.parseISO8601ToEpochMilliSeconds('2018-02-30T00:00:00Z')).toThrow("Text '2018-02-30T00:00:00Z' could not be parsed: Invalid date");
    expect(() => time.parseISO8601ToEpochMilliSeconds('01/02/2018')).toThrow("Text '01/02/2018' could not be parsed as an ISO 8601 date-time");
  });
});
