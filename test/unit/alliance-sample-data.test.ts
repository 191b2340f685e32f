/**
 * data/orgs.json is only the shipped sample: every organisation in it comes with its sample plans (what
 * `npm run seed` loads), and nothing the bot or the worker runs reads it — a new alliance needs no edit
 * of it (organisations, departments and secretaries are data in the store, set up in chat).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

describe('data/orgs.json', () => {
  it('holds only the sample: each organisation with the seed plans that are shipped', () => {
    const orgs = JSON.parse(readFileSync(path.join(ROOT, 'data', 'orgs.json'), 'utf8')) as Record<
      string,
      { seeds?: string[] }
    >;
    const seeds = new Set(readdirSync(path.join(ROOT, 'data', 'seeds')));
    for (const [slug, entry] of Object.entries(orgs)) {
      expect({ slug, seeds: (entry.seeds ?? []).length > 0 }).toEqual({ slug, seeds: true });
      for (const seed of entry.seeds ?? []) expect(seeds.has(seed)).toBe(true);
    }
  });

  it('is read by no code the bot or the worker runs (only the seed and CLI scripts)', () => {
    const readers = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'jobs'))].filter((f) =>
      /orgs\.json|org-directory/.test(
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((l) => !/^\s*(\/\*|\*|\/\/)/.test(l))
          .join('\n'),
      ),
    );
    expect(readers.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
