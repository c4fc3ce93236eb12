import { Base64UrlError, decodeBase64Url } from './base64url';
import { JwtFormatError, parseJwt } from './jwt';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('parseJwt', () => {
  it('splits a compact JWS into its decoded parts', () => {
    const token = `${segment({ alg: 'RS256', kid: 'k' })}.${segment({ sub: 'u' })}.${Buffer.from('sig').toString('base64url')}`;
    expect(parseJwt(token)).toEqual({
      header: { alg: 'RS256', kid: 'k' },
      payload: { sub: 'u' },
      signingInput: `${segment({ alg: 'RS256', kid: 'k' })}.${segment({ sub: 'u' })}`,
      signature: Buffer.from('sig'),
    });
  });

  it.each([
    ['two parts', `${segment({})}.${segment({})}`, 'a JWT has 3 dot-separated parts, this token has 2'],
    ['a header that is an array', `${segment([])}.${segment({})}.`, 'the JWT header is not a JSON object'],
    ['a payload that is null', `${segment({})}.${segment(null)}.`, 'the JWT payload is not a JSON object'],
  ])('refuses %s', (_case, token, message) => {
    expect(() => parseJwt(token)).toThrow(new JwtFormatError(message));
  });

  it('keeps the decoding error as the cause', () => {
    expect(() => parseJwt(`${segment({})}=.${segment({})}.`)).toThrow(
      new JwtFormatError('the JWT does not decode: not base64url: "e30="', { cause: new Base64UrlError('not base64url: "e30="') }),
    );
  });
});

describe('decodeBase64Url', () => {
  it('decodes canonical unpadded base64url', () => {
    expect(decodeBase64Url('aGk_-w')).toEqual(Buffer.from([0x68, 0x69, 0x3f, 0xfb]));
  });

  // "QR" decodes to the same byte as "QQ": only the canonical text is accepted.
  it.each([
    ['a+b', 'not base64url: "a+b"'],
    ['ab/c', 'not base64url: "ab/c"'],
    ['a', 'not base64url: "a"'],
    ['QR', 'not canonical base64url: "QR"'],
  ])('refuses %s', (text, message) => {
    expect(() => decodeBase64Url(text)).toThrow(new Base64UrlError(message));
  });
});
