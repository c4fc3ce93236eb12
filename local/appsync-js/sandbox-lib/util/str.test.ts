import { createStrUtil } from './str';
import { createFakeHost } from './testing/fake-host';

// https://docs.aws.amazon.com/appsync/latest/devguide/str-helpers-in-util-str-js.html: normalize
// takes "nfc", "nfd", "nfkc" or "nfkd".
describe('util.str.normalize', () => {
  const str = createStrUtil(createFakeHost());

  it('applies each of the four Unicode normalization forms', () => {
    const text = 'ﬁe\u0301'; // the "fi" ligature, then e + combining acute accent
    expect(['nfc', 'nfd', 'nfkc', 'nfkd'].map((form) => str.normalize(text, form))).toEqual([
      'ﬁ\u00e9',
      'ﬁe\u0301',
      'fi\u00e9',
      'fie\u0301',
    ]);
  });

  it('rejects any other normalization type', () => {
    expect(() => str.normalize('a', 'NFC')).toThrow('Unknown normalization type "NFC": expected "nfc", "nfd", "nfkc" or "nfkd"');
  });
});
