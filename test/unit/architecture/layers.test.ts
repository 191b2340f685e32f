/**
 * Data flows one way: adapter → bot core → domain/store → reply. This keeps it so: each folder of src/
 * may import only the layers beneath it, and the domain nothing at all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', '..', 'src');

const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  shared: ['domain'],
  store: ['domain', 'shared'],
  import: ['domain', 'shared'],
  scheduler: ['domain', 'store', 'shared'],
  report: ['domain', 'store', 'shared'],
  bot: ['domain', 'store', 'shared', 'import', 'scheduler', 'report'],
  channels: ['bot', 'domain', 'shared'],
  app: ['*'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const layerOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!;

it('every folder of src/ is a known layer', () => {
  const layers = readdirSync(SRC).filter((n) => statSync(path.join(SRC, n)).isDirectory());
  expect(layers.filter((l) => !(l in MAY_IMPORT))).toEqual([]);
});

it('no import climbs back up a layer', () => {
  const wrong: string[] = [];
  for (const file of filesUnder(SRC)) {
    const from = layerOf(file);
    const allowed = MAY_IMPORT[from] ?? [];
    for (const m of readFileSync(file, 'utf8').matchAll(
      /(?:\bfrom\s+|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)'/g,
    )) {
      const target = path.resolve(path.dirname(file), m[1]!);
      const rel = path.relative(SRC, target);
      if (rel.split(path.sep).includes('node_modules')) continue; // a package, typed by path (zca-js is ESM-only)
      const to = rel.startsWith('..') ? `../${rel.split(path.sep)[1]}` : rel.split(path.sep)[0]!;
      if (to === from || allowed.includes('*') || allowed.includes(to)) continue;
      wrong.push(`${path.relative(SRC, file)} imports ${m[1]} (${from} → ${to})`);
    }
  }
  expect(wrong).toEqual([]);
});
