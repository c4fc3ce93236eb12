// The top-level util.* functions of APPSYNC_JS (the `Util` type of @aws-appsync/utils, without its
// sub-namespaces, which have their own factories).
import type { SandboxHost } from '../host';
import { authType } from './auth-type';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding';
import { createErrorUtil } from './errors';
import { autoId, autoKsuid, autoUlid } from './ids';
import { matches } from './java-regex';

export function createCoreUtil(host: SandboxHost) {
  return {
    escapeJavaScript,
    urlEncode,
    urlDecode,
    base64Encode,
    base64Decode,
    autoId: () => autoId(host.bridge),
    autoUlid: () => autoUlid(host.bridge),
    autoKsuid: () => autoKsuid(host.bridge),
    ...createErrorUtil(host),
    matches: (pattern: string, value: string) => matches(pattern, value, host.bridge.regexTest),
    authType: () => authType(host),
  };
}
