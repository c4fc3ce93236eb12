import { matches as javaMatches, translateJavaPattern, type RegexTest } from './java-regex';

// The host runs the search (sandbox/regex-bridge.ts); here it runs in place.
const search: RegexTest = (source, flags, value) => new RegExp(source, flags).test(value);
const matches = (pattern: string, value: string): boolean => javaMatches(pattern, value, search);

// util.matches is "based on Pattern" (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html,
// "Type and pattern matching utils"): Pattern.matches, which must match the whole value.
describe('util.matches', () => {
  it('matches the documented example and only whole values', () => {
    expect([matches('a*b', 'aaaaab'), matches('a*b', 'aaaaabc'), matches('a*b', 'xaaaab'), matches('b', 'abc')]).toEqual([true, false, false, false]);
  });

  it('reads Java syntax: leading flags, \\Q..\\E, POSIX classes, ASCII \\s, \\A and \\z', () => {
    expect([
      matches('(?i)hello', 'HeLLo'),
      matches('\\Qa.b\\E', 'a.b'),
      matches('\\Qa.b\\E', 'axb'),
      matches('\\p{Alpha}+\\p{Digit}', 'abc1'),
      matches('[\\p{Lower}\\d]+', 'ab12'),
      matches('\\P{Digit}+', 'abc'),
      matches('a\\sb', 'a\u00a0b'),
      matches('\\Aab\\z', 'ab'),
      matches('\\p{L}+', 'héllo'),
      matches('[\\w.-]+@[\\w-]+\\.com', 'x.y-z@ex-a.com'),
      matches('[]a]+', ']a]'),
      matches('(?m)a$', 'a\nb'),
      matches('\\p{IsAlphabetic}+ \\p{IsGreek}+', 'abc αβγ'),
    ]).toEqual([true, true, false, true, true, true, false, true, true, true, true, false, true]);
  });

  it('translates to an equivalent JavaScript pattern', () => {
    expect(translateJavaPattern('(?is)\\Qx+\\E\\p{Upper}\\s-\\#')).toEqual({ source: 'x\\u002b[A-Z][ \\t\\n\\x0B\\f\\r]-\\u0023', flags: 'is' });
  });

  it('refuses Java constructs that have no JavaScript equivalent', () => {
    expect(() => matches('a++', 'aa')).toThrow('Possessive quantifiers are not supported: "a++"');
    expect(() => matches('(?>a)', 'a')).toThrow('Atomic groups (?>...) are not supported');
    expect(() => matches('[a-z&&[^b]]', 'a')).toThrow('Class intersection (&&) is not supported');
    expect(() => matches('[a[bc]]', 'a')).toThrow('Nested character classes are not supported');
    expect(() => matches('a(?i)b', 'aB')).toThrow('Inline flags are only supported at the start of the pattern');
  });

  it('reports an invalid pattern with its cause', () => {
    expect(() => matches('(a', 'a')).toThrow('Invalid pattern "(a"');
  });
});
