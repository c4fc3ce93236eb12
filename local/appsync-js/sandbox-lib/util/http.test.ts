import { createHttpUtil } from './http';
import { createFakeHost } from './testing/fake-host';

// https://docs.aws.amazon.com/appsync/latest/devguide/http-helpers-in-utils-http-js.html
describe('util.http.copyHeaders', () => {
  it('copies every header except the restricted hop-by-hop ones', () => {
    const http = createHttpUtil(createFakeHost());
    expect(
      http.copyHeaders({
        authorization: 'Bearer t',
        'x-request-id': 'r1',
        Host: 'example.com',
        'content-length': '12',
        connection: 'keep-alive',
        'Transfer-Encoding': 'chunked',
        expect: '100-continue',
        'keep-alive': 'timeout=5',
        upgrade: 'h2c',
        'proxy-authenticate': 'Basic',
        'proxy-authorization': 'Basic x',
        te: 'trailers',
      }),
    ).toEqual({ authorization: 'Bearer t', 'x-request-id': 'r1' });
  });
});

describe('util.http.addResponseHeader(s)', () => {
  it('records headers, the latest definition of a name winning', () => {
    const host = createFakeHost();
    const http = createHttpUtil(host);
    http.addResponseHeader('itemsCount', 7);
    http.addResponseHeaders({ headerString: 'stringValue', headerObject: { field1: 7, field2: 'string' }, ItemsCount: 8 });
    expect({ headers: host.state().responseHeaders, errors: host.state().errors }).toEqual({
      headers: { headerString: 'stringValue', headerObject: '{"field1":7,"field2":"string"}', ItemsCount: '8' },
      errors: [],
    });
  });

  it('ignores restricted, empty and null headers, reporting each as a ResponseHeaderError', () => {
    const host = createFakeHost();
    const http = createHttpUtil(host);
    http.addResponseHeader('Content-Type', 'text/plain');
    http.addResponseHeader('x-amz-meta', 'v');
    http.addResponseHeader('', 'v');
    http.addResponseHeader('nothing', null);
    http.addResponseHeader('big', 'x'.repeat(4096));
    expect({ headers: host.state().responseHeaders, errors: host.state().errors }).toEqual({
      headers: {},
      errors: [
        { message: 'Response header name "Content-Type" is restricted', errorType: 'ResponseHeaderError' },
        { message: 'Response header name "x-amz-meta" is restricted', errorType: 'ResponseHeaderError' },
        { message: 'Response header name must be a non-empty string', errorType: 'ResponseHeaderError' },
        { message: 'Response header "nothing" has a null value', errorType: 'ResponseHeaderError' },
        { message: 'Response header "big" would take custom response headers over 4096 bytes', errorType: 'ResponseHeaderError' },
      ],
    });
  });
});
