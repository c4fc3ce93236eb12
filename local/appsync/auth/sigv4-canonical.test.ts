import { canonicalRequest, sha256Hex, signature, stringToSign } from './sigv4-canonical';

// AWS's Signature Version 4 test suite (aws-sig-v4-test-suite, now in awslabs/aws-c-auth
// tests/aws-signing-test-suite/v4): the "get-vanilla" and "get-vanilla-query-order-key-case" vectors,
// signed with AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY on 20150830T123600Z.
describe('SigV4 canonical request and signature', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  const headers = { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' };
  const scope = '20150830/us-east-1/service/aws4_request';

  function sign(target: string) {
    const canonical = canonicalRequest({ method: 'GET', target, headers, signedHeaders: ['host', 'x-amz-date'], payloadHash: sha256Hex('') });
    const toSign = stringToSign('20150830T123600Z', scope, canonical);
    return { canonical, toSign, signature: signature(secret, '20150830', 'us-east-1', 'service', toSign) };
  }

  it('reproduces get-vanilla', () => {
    expect(sign('/')).toEqual({
      canonical: 'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      toSign: 'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
      signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('reproduces get-vanilla-query-order-key-case: the query is sorted before signing', () => {
    expect(sign('/?Param2=value2&Param1=value1').signature).toBe('b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
  });

  it('resolves dot segments and encodes each path segment again, as for every service but S3', () => {
    expect(canonicalRequest({ method: 'post', target: '/a/./b/../c%20d/', headers: {}, signedHeaders: [], payloadHash: 'h' })).toBe('POST\n/a/c%2520d/\n\n\n\nh');
  });
});
