import * as net from 'node:net';
import * as ipaddr from 'ipaddr.js';
import { ConfigurationError } from '../shared/errors';

export interface LinkPreviewConfig {
  /** Everything (DNS, every redirect, the whole body) must finish within this. */
  readonly timeoutMs: number;
  /** Reading stops and the connection is dropped past this many body bytes. */
  readonly maxBodyBytes: number;
  /** Redirects followed before giving up. */
  readonly maxRedirects: number;
  readonly userAgent: string;
  /**
   * `address:port` pairs (`127.0.0.1:8080`, `[::1]:8080`) that may be fetched although the address
   * policy blocks them. For tests only: handler tests reach their HTTP servers on 127.0.0.1 this
   * way. Infra never sets LINK_PREVIEW_TEST_ALLOWED_ORIGINS, so a deployed (or Outpost Local)
   * function allows nothing extra.
   */
  readonly testAllowedOrigins: ReadonlySet<string>;
}

export const TEST_ALLOWED_ORIGINS_VARIABLE = 'LINK_PREVIEW_TEST_ALLOWED_ORIGINS';

export const DEFAULT_CONFIG: LinkPreviewConfig = {
  timeoutMs: 3_000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 3,
  userAgent: 'OutpostLinkPreview/1.0',
  testAllowedOrigins: new Set(),
};

/** The function's configuration from its environment; read on the first invocation, never at import. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LinkPreviewConfig {
  const allowed = env[TEST_ALLOWED_ORIGINS_VARIABLE] ?? '';
  const entries = allowed.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return { ...DEFAULT_CONFIG, testAllowedOrigins: new Set(entries.map(parseOrigin)) };
}

/** `address:port` in the canonical form originKey produces, or ConfigurationError. */
function parseOrigin(entry: string): string {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(entry);
  const address = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (address === undefined || net.isIP(address) === 0 || !(port >= 1 && port <= 65535)) {
    throw new ConfigurationError(
      `${TEST_ALLOWED_ORIGINS_VARIABLE} has "${entry}": expected comma-separated address:port pairs such as 127.0.0.1:8080 or [::1]:8080.`,
    );
  }
  return originKey(address, port);
}

/** The allowlist key of an address and port: `127.0.0.1:80`, `[::1]:80`. */
export function originKey(address: string, port: number): string {
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv6' ? `[${parsed.toString()}]:${port}` : `${parsed.toString()}:${port}`;
}
