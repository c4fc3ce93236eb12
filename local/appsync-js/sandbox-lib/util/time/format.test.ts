import { formatInstant } from './format';
import { parsePattern } from './pattern';
import { resolveZone, UTC_ZONE } from './zone';

// AppSync's datetime formats are java.time DateTimeFormatter patterns
// (https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html), whose
// letters are specified at https://docs.oracle.com/javase/8/docs/api/java/time/format/DateTimeFormatter.html.
const format = (pattern: string, isoInstant: string, zone = 'UTC') =>
  formatInstant(parsePattern(pattern), Date.parse(isoInstant), zone === 'UTC' ? UTC_ZONE : resolveZone(zone));

describe('formatting with DateTimeFormatter patterns', () => {
  it('prints dates, times and texts', () => {
    const at = '2018-02-06T19:01:35.749Z';
    expect([
      format('yyyy-MM-dd HH:mm:ss.SSS', at),
      format('yy M d H m s S', at),
      format('MMM MMMM MMMMM E EEEE EEEEE', at),
      format('h:mm a K k', at),
      format('D DDD Q QQQ QQQQ G GGGG', at),
      format("'at' HH 'o''clock', '''quoted''' ''", at),
      format('SSSSSSSSS n A', at),
      format('uuuu yyy y', at),
    ]).toEqual([
      '2018-02-06 19:01:35.749',
      '18 2 6 19 1 35 7',
      'Feb February F Tue Tuesday T',
      '7:01 PM 7 19',
      '37 037 1 Q1 1st quarter AD Anno Domini',
      "at 19 o'clock, 'quoted' '",
      '749000000 749000000 68495749',
      '2018 2018 2018',
    ]);
  });

  it('prints midnight and noon on the 12-hour and 24-hour clocks', () => {
    expect([format('hh a KK kk HH', '2018-02-06T00:05:00Z'), format('hh a KK kk HH', '2018-02-06T12:05:00Z')]).toEqual([
      '12 AM 00 24 00',
      '12 PM 00 12 12',
    ]);
  });

  it('prints offsets in every style, and zero as Z only where java.time does', () => {
    const at = '2018-02-06T19:01:35Z';
    const letters = 'X XX XXX XXXX XXXXX|x xx xxx xxxx xxxxx|Z ZZZZ ZZZZZ|O OOOO';
    expect([format(letters, at, '+05:30'), format(letters, at, 'Z'), format(letters, at, '-07:00:30')]).toEqual([
      '+0530 +0530 +05:30 +0530 +05:30|+0530 +0530 +05:30 +0530 +05:30|+0530 GMT+05:30 +05:30|GMT+5:30 GMT+05:30',
      'Z Z Z Z Z|+00 +0000 +00:00 +0000 +00:00|+0000 GMT Z|GMT GMT',
      '-07 -0700 -07:00 -070030 -07:00:30|-07 -0700 -07:00 -070030 -07:00:30|-0700 GMT-07:00:30 -07:00:30|GMT-7:00:30 GMT-07:00:30',
    ]);
  });

  it('prints region zones with their ids, names and daylight saving offsets', () => {
    expect([
      format('yyyy-MM-dd HH:mm VV z zzzz xxx', '2018-07-11T22:14:45Z', 'America/New_York'),
      format('yyyy-MM-dd HH:mm VV z zzzz xxx', '2018-01-11T22:14:45Z', 'America/New_York'),
    ]).toEqual([
      '2018-07-11 18:14 America/New_York EDT Eastern Daylight Time -04:00',
      '2018-01-11 17:14 America/New_York EST Eastern Standard Time -05:00',
    ]);
  });

  it('pads years as java.time does, with a sign past four digits', () => {
    expect([format('yyyy', '+012345-01-01T00:00:00Z'), format('yy', '2005-01-01T00:00:00Z'), format('yyyy G', '-000044-03-15T00:00:00Z')]).toEqual([
      '+12345',
      '05',
      '0045 BC',
    ]);
  });
});

describe('pattern errors', () => {
  it('names the problem the way DateTimeFormatter does', () => {
    expect(() => parsePattern('yyyy-bb')).toThrow('Unknown pattern letter: b');
    expect(() => parsePattern('ddd')).toThrow('Too many pattern letters: d');
    expect(() => parsePattern("yyyy 'at")).toThrow("Pattern ends with an incomplete string literal: yyyy 'at");
    expect(() => parsePattern('yyyy]')).toThrow('Pattern invalid as it contains ] without previous [');
    expect(() => parsePattern('yyyy{')).toThrow("Pattern includes reserved character: '{'");
    expect(() => parsePattern('YYYY-ww')).toThrow("Pattern letter 'Y' is not supported by this runtime");
  });
});
