import { thrown } from '../testing/thrown';
import { resolveZone } from './zone';

// Zone ids as java.time.ZoneId.of reads them
// (https://docs.oracle.com/javase/8/docs/api/java/time/ZoneId.html#of-java.lang.String-);
// AppSync's examples use "+08:00", "-07:00:30" and "Australia/Perth".
describe('resolveZone', () => {
  const at = Date.parse('2018-07-11T22:14:45Z');

  it('reads fixed offsets, prefixed offsets and regions', () => {
    expect(
      ['Z', '+8', '+08', '+0830', '+08:30', '-07:00:30', '-070030', 'UTC', 'GMT', 'UTC+8', 'GMT-05:00', 'Australia/Perth', 'America/New_York'].map((id) => {
        const zone = resolveZone(id);
        return [zone.id, zone.offsetSecondsAt(at)];
      }),
    ).toEqual([
      ['Z', 0],
      ['+08:00', 28800],
      ['+08:00', 28800],
      ['+08:30', 30600],
      ['+08:30', 30600],
      ['-07:00:30', -25230],
      ['-07:00:30', -25230],
      ['UTC', 0],
      ['GMT', 0],
      ['UTC+08:00', 28800],
      ['GMT-05:00', -18000],
      ['Australia/Perth', 28800],
      ['America/New_York', -14400],
    ]);
  });

  it('rejects malformed offsets and unknown regions', () => {
    expect(['+8:30', '+19', '+08:60', 'UTC+x', 'Nowhere/City', 'america/new_york'].map((id) => (thrown(() => resolveZone(id)) as Error).message)).toEqual([
      'Unknown time-zone ID: +8:30',
      'Unknown time-zone ID: +19',
      'Unknown time-zone ID: +08:60',
      'Unknown time-zone ID: UTC+x',
      'Unknown time-zone ID: Nowhere/City',
      'Unknown time-zone ID: america/new_york',
    ]);
  });
});
