// A deterministic corpus of notes (seeded PRNG, made-up words with a Zipf-like frequency) and
// known-item probes: each probe is a few of one note's rarest words, and its note is the answer.

export interface BenchNote {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly tags: readonly string[];
  readonly spaceId: string;
  readonly updatedAt: string;
}

export interface Probe {
  readonly query: string;
  readonly targetId: string;
}

/** mulberry32: small, fast and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'ban', 'cor', 'fel', 'gri', 'hol', 'jun', 'mar', 'pel', 'quo', 'ris', 'tem', 'ul', 'wen', 'yar', 'zo'];

function vocabulary(size: number, next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

export function generateCorpus(count: number, seed = 7): { notes: BenchNote[]; probes: (howMany: number) => Probe[] } {
  const next = random(seed);
  // Heaps' law puts ~5.5M tokens of prose at a vocabulary near 100,000 words: most of them rare.
  const words = vocabulary(100_000, next);
  // Zipf-like: word rank r is drawn with probability ∝ 1 / r.
  const zipfWord = () => words[Math.min(words.length - 1, Math.floor(Math.exp(next() * Math.log(words.length + 1))) - 1)];
  const tags = words.slice(0, 60);
  const spaces = 1000;
  const start = Date.parse('2025-01-01T00:00:00Z');
  const notes: BenchNote[] = [];
  for (let i = 0; i < count; i += 1) {
    const titleLength = 3 + Math.floor(next() * 4);
    const bodyLength = 30 + Math.floor(next() * 50);
    notes.push({
      id: `note-${i}`,
      title: Array.from({ length: titleLength }, zipfWord).join(' '),
      body: `${Array.from({ length: bodyLength }, zipfWord).join(' ')}.`,
      tags: Array.from({ length: 1 + Math.floor(next() * 3) }, () => tags[Math.floor(next() * tags.length)]),
      spaceId: `space-${Math.floor(next() * spaces)}`,
      updatedAt: new Date(start + Math.floor(next() * 365 * 86_400_000)).toISOString(),
    });
  }
  const documentFrequency = new Map<string, number>();
  for (const note of notes) {
    for (const word of new Set(`${note.title} ${note.body}`.replace('.', '').split(' '))) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  return {
    notes,
    probes: (howMany) => {
      const pick = random(seed + 1);
      return Array.from({ length: howMany }, () => {
        const target = notes[Math.floor(pick() * notes.length)];
        const distinct = [...new Set(`${target.title} ${target.body}`.replace('.', '').split(' '))];
        const rarest = distinct.sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0) || a.localeCompare(b)).slice(0, 3);
        return { query: rarest.join(' '), targetId: target.id };
      });
    },
  };
}

/** Everyday queries: two or three common-to-middling words, in the space of a random note. */
export function everydayQueries(notes: readonly BenchNote[], howMany: number, seed = 11): { query: string; spaceId: string }[] {
  const pick = random(seed);
  return Array.from({ length: howMany }, () => {
    const note = notes[Math.floor(pick() * notes.length)];
    const words = note.body.replace('.', '').split(' ');
    const length = 2 + Math.floor(pick() * 2);
    return { query: Array.from({ length }, () => words[Math.floor(pick() * words.length)]).join(' '), spaceId: note.spaceId };
  });
}
