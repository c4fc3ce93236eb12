import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../services/clock';
import type { AuthConfig } from './config';
import { SignatureError } from './errors';
import { lowerCaseHeaders, type RequestHeaders } from './headers';
import type { IamIdentity } from './identity';
import { canonicalRequest, sha256Hex, signature, stringToSign } from './sigv4-canonical';
import { parseSigV4Authorization } from './sigv4-authorization';

/** How far a signature's time may be from the server's: AWS's 5 minutes. */
const MAX_SKEW_MS = 5 * 60 * 1000;

export interface HttpRequestForSigning {
  readonly method: string;
  /** Path and optional query string, as received. */
  readonly target: string;
  readonly headers: RequestHeaders;
  /** The body exactly as received: the signature covers its bytes. */
  readonly body: string | Buffer;
  readonly sourceIp: string;
}

// AppSync answers signature failures with HTTP 403 and errorType BadRequestException; see the
// sources in iam-auth.test.ts.
function badSignature(message: string): SignatureError {
  return new SignatureError(403, 'BadRequestException', message);
}

/** Verifies a SigV4-signed request against the local credentials and returns `ctx.identity`. */
export function verifyIamRequest(
  request: HttpRequestForSigning,
  authorization: string,
  config: Pick<AuthConfig, 'accountId' | 'region' | 'iamCredentials'>,
  clock: Clock,
): IamIdentity {
  const auth = parseSigV4Authorization(authorization);
  const credential = Object.hasOwn(config.iamCredentials, auth.accessKeyId) ? config.iamCredentials[auth.accessKeyId] : undefined;
  if (credential === undefined) throw new SignatureError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (auth.service !== 'appsync') throw badSignature(`Credential should be scoped to correct service: 'appsync'.`);
  if (auth.region !== config.region) throw badSignature(`Credential should be scoped to a valid region, not '${auth.region}'.`);

  const headers = lowerCaseHeaders(request.headers);
  const amzDate = headers['x-amz-date'];
  if (amzDate === undefined) {
    throw new SignatureError(400, 'IncompleteSignatureException', `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`);
  }
  checkSkew(amzDate, clock);
  if (!amzDate.startsWith(auth.date)) throw badSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}'`);
  if (!auth.signedHeaders.includes('host')) throw badSignature(`'Host' must be a 'SignedHeader' in the AWS Authorization.`);

  const bodyHash = sha256Hex(request.body);
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== bodyHash) throw badSignature(`The provided 'x-amz-content-sha256' header does not match what was computed.`);

  const canonical = canonicalRequest({ method: request.method, target: request.target, headers, signedHeaders: auth.signedHeaders, payloadHash: bodyHash });
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = stringToSign(amzDate, scope, canonical);
  const expected = signature(credential.secretAccessKey, auth.date, auth.region, auth.service, toSign);
  if (!sameHex(expected, auth.signature)) {
    throw badSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
        `Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${canonical}'\n\n` +
        `The String-to-Sign should have been\n'${toSign}'\n`,
    );
  }
  return {
    accountId: config.accountId,
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: [request.sourceIp],
    username: credential.username,
    userArn: credential.userArn,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** AWS's clock-skew messages, e.g. "Signature expired: 20181029T181641Z is now earlier than …". */
function checkSkew(amzDate: string, clock: Clock): void {
  const match = AMZ_DATE.exec(amzDate);
  if (match === null) throw badSignature(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'", not '${amzDate}'.`);
  const [, year, month, day, hour, minute, second] = match.map(Number) as [number, number, number, number, number, number, number];
  const signedAt = Date.UTC(year, month - 1, day, hour, minute, second);
  const now = clock.now().getTime();
  if (signedAt < now - MAX_SKEW_MS) {
    throw badSignature(`Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`);
  }
  if (signedAt > now + MAX_SKEW_MS) {
    throw badSignature(`Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`);
  }
}

function formatAmzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
