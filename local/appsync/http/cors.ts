// CORS for browser clients: any origin may call the endpoint, and a preflight is answered with the
// methods and the headers the browser asked for. AWS does not document the exact headers AppSync
// sends, so these are the permissive set web clients of AppSync rely on.
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

export function corsHeaders(): OutgoingHttpHeaders {
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-amzn-RequestId,x-amzn-ErrorType' };
}

export function preflightHeaders(request: IncomingMessage): OutgoingHttpHeaders {
  const requested = request.headers['access-control-request-headers'];
  return {
    ...corsHeaders(),
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' && requested !== '' ? requested : 'content-type, x-api-key, authorization, x-amz-date, x-amz-security-token, x-amz-user-agent',
    'access-control-max-age': '86400',
  };
}
