/**
 * Every word of the lexicon is written folded (lower case, no diacritics, đ → d) and must survive
 * folding unchanged: an entry with an accent or a capital could never match the folded text it is
 * compared with. The entries in the other files of the lexicon's kind are checked the same way.
 */
import * as lexicon from '../../../src/domain/plan-parser/lexicon';
import { fold } from '../../../src/domain/plan-parser/layout/fold';

function entries(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value))
    return value.flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? [String(v[0])] : []));
  return [];
}

const all = Object.entries(lexicon).flatMap(([list, value]) =>
  entries(value).map((word) => [list, word] as const),
);

describe('the lexicon', () => {
  it('has entries', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it.each(all)('%s: "%s" survives folding', (_list, word) => {
    expect(fold(word)).toBe(word);
    expect(word).toMatch(/^[a-z0-9 ]+$/);
  });
});
