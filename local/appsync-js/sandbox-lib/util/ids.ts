// util.autoId (UUID v4), util.autoUlid and util.autoKsuid. Randomness and time come from the host
// bridge, so tests can pin both.
import { arrayFrom } from '../primordials';
import type { Bridge } from '../host';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** KSUID timestamps count seconds from 2014-05-13T16:53:20Z (segmentio/ksuid). */
const KSUID_EPOCH_SECONDS = 1400000000;

function randomBytes(bridge: Bridge, count: number): number[] {
  const hex = bridge.randomHex(count);
  return arrayFrom({ length: count }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function toBigInt(bytes: readonly number[]): bigint {
  return bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
}

function encode(value: bigint, alphabet: string, length: number): string {
  const base = BigInt(alphabet.length);
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = alphabet[Number(rest % base)] + out;
    rest /= base;
  }
  return out;
}

/** RFC 4122 version 4 UUID, lowercase with hyphens. */
export function autoId(bridge: Bridge): string {
  const bytes = randomBytes(bridge, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ULID: 48-bit millisecond time then 80 random bits, 26 characters of Crockford base32. */
export function autoUlid(bridge: Bridge): string {
  const time = encode(BigInt(Math.floor(bridge.now())), CROCKFORD, 10);
  return time + encode(toBigInt(randomBytes(bridge, 10)), CROCKFORD, 16);
}

/** KSUID: 32-bit seconds since the KSUID epoch then 128 random bits, 27 characters of base62. */
export function autoKsuid(bridge: Bridge): string {
  const seconds = Math.floor(bridge.now() / 1000) - KSUID_EPOCH_SECONDS;
  const timeBytes = [24, 16, 8, 0].map((shift) => (seconds >>> shift) & 0xff);
  return encode(toBigInt([...timeBytes, ...randomBytes(bridge, 16)]), BASE62, 27);
}
