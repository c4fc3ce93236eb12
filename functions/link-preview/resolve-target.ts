// Turns a URL's host into the one address the request will connect to. Every address the name
// resolves to is checked (an attacker's DNS can mix a public and a private answer), and the
// request is then pinned to the checked address, so a second, rebinding lookup never happens.
import * as net from 'node:net';
import { blockedRange } from './address-policy';
import { originKey } from './config';
import { LinkPreviewBlockedError, LinkPreviewFetchFailedError } from './errors';
import { portOf } from './target-url';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** dns.lookup with `all: true`: every address of a host name. */
export type LookupAll = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface TargetPolicy {
  readonly lookup: LookupAll;
  /** See LinkPreviewConfig.testAllowedOrigins. */
  readonly testAllowedOrigins: ReadonlySet<string>;
}

/** The address to connect to for `url`, after checking all of the host's addresses. */
export async function resolveTarget(url: URL, policy: TargetPolicy): Promise<ResolvedAddress> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const family = net.isIP(host);
  const literal = family !== 0;
  const addresses: readonly ResolvedAddress[] = literal ? [{ address: host, family: family === 6 ? 6 : 4 }] : await lookupHost(host, policy.lookup);
  const port = portOf(url);
  for (const { address } of addresses) {
    const range = blockedRange(address);
    if (range !== undefined && !policy.testAllowedOrigins.has(originKey(address, port))) {
      const what = literal ? 'is' : 'resolves to';
      throw new LinkPreviewBlockedError(`${url.host} ${what} a blocked address (${range}); link previews fetch public addresses only.`);
    }
  }
  return addresses[0];
}

async function lookupHost(host: string, lookup: LookupAll): Promise<readonly ResolvedAddress[]> {
  const addresses = await lookup(host).catch((cause: unknown) => {
    throw new LinkPreviewFetchFailedError(`The host ${host} could not be resolved.`, { cause });
  });
  if (addresses.length === 0) throw new LinkPreviewFetchFailedError(`The host ${host} has no addresses.`);
  return addresses;
}
