import { createCoreUtil } from './core';
import { createFakeHost } from './testing/fake-host';

const util = createCoreUtil(createFakeHost());

describe('util.escapeJavaScript', () => {
  it('escapes quotes, backslash, slash, control and non-ASCII characters', () => {
    // AppSync's util runs on the JVM; escaping follows Apache Commons Lang escapeEcmaScript
    // (apache/commons-lang src/main/java/org/apache/commons/lang3/StringEscapeUtils.java, ESCAPE_ECMASCRIPT).
    expect(util.escapeJavaScript(`He didn't say, "stop!" \\ </script>\n\t\u0001 é 😀`)).toEqual(
      "He didn\\'t say, \\\"stop!\\\" \\\\ <\\/script>\\n\\t\\u0001 \\u00E9 \\uD83D\\uDE00",
    );
  });
});

describe('util.urlEncode / util.urlDecode', () => {
  // application/x-www-form-urlencoded as java.net.URLEncoder writes it
  // (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html, "Encoding utils").
  it('encodes spaces as +, keeps . - * _ and percent-encodes UTF-8 bytes', () => {
    expect(util.urlEncode("a b&c=d/é~*._-!'()")).toEqual('a+b%26c%3Dd%2F%C3%A9%7E*._-%21%27%28%29');
  });

  it('decodes + and percent-encoded UTF-8, leaving other characters as they are', () => {
    expect(util.urlDecode('a+b%26c%3dd%2F%C3%A9~*')).toEqual('a b&c=d/é~*');
  });

  it('round-trips any string', () => {
    const text = 'Grüße, 世界! 100% + 😀';
    expect(util.urlDecode(util.urlEncode(text))).toEqual(text);
  });

  it('rejects an incomplete or non-hex escape like URLDecoder', () => {
    expect(() => util.urlDecode('100%')).toThrow('URLDecoder: Incomplete trailing escape (%) pattern');
    expect(() => util.urlDecode('%zz')).toThrow('URLDecoder: Illegal hex characters in escape (%) pattern - zz');
  });
});

describe('util.base64Encode / util.base64Decode', () => {
  it('encodes the UTF-8 bytes with padding', () => {
    expect([util.base64Encode(''), util.base64Encode('f'), util.base64Encode('fo'), util.base64Encode('foo'), util.base64Encode('héllo 😀')]).toEqual([
      '',
      'Zg==',
      'Zm8=',
      'Zm9v',
      'aMOpbGxvIPCfmIA=',
    ]);
  });

  it('decodes to a UTF-8 string, with or without padding', () => {
    expect([util.base64Decode('aMOpbGxvIPCfmIA='), util.base64Decode('Zm8'), util.base64Decode('Zm9v')]).toEqual(['héllo 😀', 'fo', 'foo']);
  });

  it('rejects characters outside the base64 alphabet', () => {
    // java.util.Base64.Decoder names the offending character in hex.
    expect(() => util.base64Decode('Zm9v!')).toThrow('Illegal base64 character 21');
    expect(() => util.base64Decode('Zm9vY')).toThrow('Input byte array has incorrect ending byte');
  });

  it('turns invalid UTF-8 into U+FFFD, like a Java String', () => {
    expect(util.base64Decode('/w==')).toEqual('\ufffd');
  });
});
