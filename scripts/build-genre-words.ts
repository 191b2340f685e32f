/**
 * npm run build:genre-words: counts the words of every well-typed plan the project holds (data/seeds and
 * the test fixtures' plans) into data/genre-words.json, the vocabulary that proposes repairs of scanned
 * titles (src/domain/title-repair). Scans and plans typed without accents are left out by the counting
 * itself. Run it again when plans are added; a unit test fails while the file is out of date.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countWords, type WordCounts } from '../src/domain/title-repair';
import { projectPath } from '../src/shared/paths';

export const GENRE_WORDS_FILE = projectPath('data', 'genre-words.json');
const SOURCES = [projectPath('data', 'seeds'), projectPath('test', 'fixtures', 'plans')];

function textFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return textFiles(full);
      return name.endsWith('.txt') ? [full] : [];
    });
}

/** The counts, with keys sorted so the file changes only when the plans do. */
export function genreWords(): WordCounts {
  const counts = countWords(SOURCES.flatMap(textFiles).map((f) => readFileSync(f, 'utf8')));
  const sorted = (o: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { words: sorted(counts.words), pairs: sorted(counts.pairs) };
}

export function genreWordsJson(): string {
  return JSON.stringify(genreWords()) + '\n';
}

if (require.main === module) {
  writeFileSync(GENRE_WORDS_FILE, genreWordsJson());
  const { words, pairs } = genreWords();
  console.log(
    `${GENRE_WORDS_FILE}: ${Object.keys(words).length} từ / words, ${Object.keys(pairs).length} cặp / pairs`,
  );
}
