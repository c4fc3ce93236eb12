import { DurationError, parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads whole seconds, minutes, hours and days', () => {
    expect(['0s', '90s', '15m', '2h', '181d'].map(parseDuration)).toEqual([0, 90_000, 900_000, 7_200_000, 181 * 86_400_000]);
  });

  it('rejects anything else, naming what it received', () => {
    const rejected = ['181', '1.5d', '-1d', '2w', ' 1d', '', 181, undefined].map((input) => {
      try {
        return parseDuration(input);
      } catch (error) {
        return error instanceof DurationError ? error.message : error;
      }
    });
    expect(rejected).toEqual([
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received "181".',
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received "1.5d".',
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received "-1d".',
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received "2w".',
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received " 1d".',
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received "".',
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received 181.',
      'A duration is a whole number followed by s, m, h or d (e.g. 181d); received undefined.',
    ]);
  });
});
