// Which IP addresses a link preview may connect to: public unicast only. Everything a server-side
// fetch could abuse to reach the function's own network is refused, whatever name led to it.
import * as ipaddr from 'ipaddr.js';

/** Named first so the error says why: they are also link-local / unique-local. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

/** 2000::/3, the only IPv6 block IANA allocates for global unicast; the rest is reserved. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

const RANGE_NAMES: Readonly<Record<string, string>> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  uniqueLocal: 'unique-local',
  ipv4Mapped: 'IPv4-mapped IPv6',
  rfc6052: 'NAT64 (IPv4-embedding)',
  '6to4': '6to4 (IPv4-embedding)',
  teredo: 'Teredo (IPv4-embedding)',
  reserved: 'reserved',
};

/**
 * Why `address` (an IPv4 or IPv6 literal) must not be fetched, e.g. 'loopback', or undefined when
 * it is a public unicast address. IPv4-mapped and IPv4-embedding IPv6 forms (NAT64, 6to4, Teredo)
 * are refused outright rather than unwrapped, so no IPv6 spelling reaches an internal IPv4 host.
 */
export function blockedRange(address: string): string | undefined {
  const parsed = ipaddr.parse(address);
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'cloud metadata';
  const range = parsed.range();
  if (range !== 'unicast') return RANGE_NAMES[range] ?? `special-purpose (${range})`;
  if (parsed.kind() === 'ipv6' && !parsed.match(GLOBAL_UNICAST_V6)) return 'reserved';
  return undefined;
}
