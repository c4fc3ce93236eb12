// Analyzers: https://docs.opensearch.org/latest/analyzers/supported-analyzers/index/ and the
// standard tokenizer's Unicode word boundaries (UAX #29).
import { AnalyzerRegistry } from './analysis';

describe('analysis', () => {
  it('tokenizes like the standard analyzer, with offsets for highlighting', () => {
    expect(new AnalyzerRegistry(undefined).get('standard')("The heron's nest, 3.14 km — don't disturb Élodie!")).toEqual([
      { term: 'the', start: 0, end: 3 },
      { term: "heron's", start: 4, end: 11 },
      { term: 'nest', start: 12, end: 16 },
      { term: '3.14', start: 18, end: 22 },
      { term: 'km', start: 23, end: 25 },
      { term: "don't", start: 28, end: 33 },
      { term: 'disturb', start: 34, end: 41 },
      { term: 'élodie', start: 42, end: 48 },
    ]);
  });

  it('builds custom analyzers from the supported tokenizers and filters', () => {
    const registry = new AnalyzerRegistry({
      analyzer: { folded: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'notes_stop'] } },
      filter: { notes_stop: { type: 'stop', stopwords: ['the', 'a'] } },
    });
    expect(registry.get('folded')('The Café by a Lake').map((token) => token.term)).toEqual(['cafe', 'by', 'lake']);
    expect(registry.get('keyword')('Space One').map((token) => token.term)).toEqual(['Space One']);
  });

  it('refuses what it cannot do, naming it', () => {
    const attempts = [
      () => new AnalyzerRegistry({ analyzer: { a: { tokenizer: 'ngram' } } }),
      () => new AnalyzerRegistry({ analyzer: { a: { tokenizer: 'standard', filter: ['porter_stem'] } } }),
      () => new AnalyzerRegistry({ char_filter: {} }),
      () => new AnalyzerRegistry(undefined).get('english'),
      () => new AnalyzerRegistry(undefined).get('nope'),
    ];
    expect(
      attempts.map((attempt) => {
        try {
          attempt();
          return 'accepted';
        } catch (error) {
          return (error as Error).message;
        }
      }),
    ).toEqual([
      'the local search service does not support tokenizer [ngram] of analyzer [a]',
      'failed to find filter under name [porter_stem]',
      'the local search service does not support analysis section [char_filter]',
      'the local search service does not support analyzer [english]: it has no stemmers; use standard or a custom analyzer',
      'analyzer [nope] has not been configured in mappings',
    ]);
  });
});
