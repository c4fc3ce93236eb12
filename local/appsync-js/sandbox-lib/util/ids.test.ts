import { createCoreUtil } from './core';
import { createFakeHost, FAKE_NOW } from './testing/fake-host';

// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html, "ID generation utils":
// autoId is a 128-bit UUID, autoUlid a ULID, autoKsuid a base62 KSUID of 27 characters.
describe('util.autoId', () => {
  it('is a version 4 UUID built from the host randomness', () => {
    const host = createFakeHost();
    host.setRandomBytes([0xff]);
    expect(createCoreUtil(host).autoId()).toEqual('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('differs on every call', () => {
    const util = createCoreUtil(createFakeHost());
    expect([util.autoId(), util.autoId()]).toEqual(['00010203-0405-4607-8809-0a0b0c0d0e0f', '10111213-1415-4617-9819-1a1b1c1d1e1f']);
  });
});

describe('util.autoUlid', () => {
  it('is 10 characters of millisecond time then 16 of randomness, in Crockford base32', () => {
    const host = createFakeHost();
    host.setRandomBytes([0]);
    // 1517943695749 written in 10 Crockford base32 digits is 01C5P7XAC5 (github.com/ulid/spec).
    expect(createCoreUtil(host).autoUlid()).toEqual('01C5P7XAC5' + '0'.repeat(16));
  });

  it('sorts by time', () => {
    const host = createFakeHost();
    const util = createCoreUtil(host);
    host.setRandomBytes([0xff]);
    const earlier = util.autoUlid();
    host.setNow(FAKE_NOW + 1);
    host.setRandomBytes([0x00]);
    const later = util.autoUlid();
    expect({ pattern: /^[0-9A-HJKMNP-TV-Z]{26}$/.test(earlier), sorted: [later, earlier].sort() }).toEqual({ pattern: true, sorted: [earlier, later] });
  });
});

describe('util.autoKsuid', () => {
  it('is 27 base62 characters: seconds since 2014-05-13T16:53:20Z, then 128 random bits', () => {
    const host = createFakeHost();
    host.setRandomBytes([0]);
    // 1517943695 - 1400000000 = 0x0707AD8F, then 16 zero bytes, in 27 base62 digits
    // (github.com/segmentio/ksuid).
    expect(createCoreUtil(host).autoKsuid()).toEqual('10Bn7QCilMmBDDGDYoud6UwY6TI');
  });

  it('sorts by time', () => {
    const host = createFakeHost();
    const util = createCoreUtil(host);
    host.setRandomBytes([0xff]);
    const earlier = util.autoKsuid();
    host.setNow(FAKE_NOW + 1000);
    host.setRandomBytes([0x00]);
    const later = util.autoKsuid();
    expect({ length: later.length, sorted: [later, earlier].sort() }).toEqual({ length: 27, sorted: [earlier, later] });
  });
});
