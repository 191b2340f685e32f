/**
 * The allowed import graph of every source folder, and the scan that checks it (layers.test.ts).
 * Data flows one way: adapter → bot core → domain/store → reply. Each unit may import only the units it
 * lists (and itself); anything else climbs a layer. src/app is the composition root and may wire
 * everything, but nothing imports it except the entry points (scripts/, bench/). jobs/ holds the reminder
 * processors: it uses the layers of src/ below app, and src/ (app aside) never imports jobs/.
 * bench/ and scripts/ never import test code; tools/ (the Telegram emulator the benchmark drives too)
 * imports nothing of ours.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..', '..');

/** The folders scanned, each holding one unit (`jobs`) or one unit per subfolder (`src/<layer>`). */
export const SOURCE_FOLDERS = ['src', 'jobs', 'scripts', 'bench', 'tools'] as const;

const CORE = ['src/domain', 'src/shared', 'src/store', 'src/import', 'src/scheduler', 'src/report'];
const SRC_BELOW_APP = [...CORE, 'src/bot', 'src/channels'];

export const MAY_IMPORT: Record<string, readonly string[]> = {
  'src/domain': [],
  'src/shared': ['src/domain'],
  'src/store': ['src/domain', 'src/shared'],
  'src/import': ['src/domain', 'src/shared'],
  'src/scheduler': ['src/domain', 'src/store', 'src/shared'],
  'src/report': ['src/domain', 'src/store', 'src/shared'],
  'src/bot': CORE,
  'src/channels': ['src/bot', 'src/domain', 'src/shared'],
  jobs: SRC_BELOW_APP,
  'src/app': [...SRC_BELOW_APP, 'jobs'],
  scripts: [...SRC_BELOW_APP, 'src/app'],
  bench: [...SRC_BELOW_APP, 'src/app', 'jobs', 'scripts', 'tools'],
  tools: [],
};

/** The only unit that may reach MongoDB's libraries or the models, whatever else it may import. */
const STORE = 'src/store';
const STORE_PACKAGES = new Set(['mongoose', 'mongodb']);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(c|m)?ts$/.test(name) ? [full] : [];
  });
}

/** The unit a path belongs to: `src/<layer>` or a top-level folder; null outside the repository's code. */
export function unitOf(file: string): string | null {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] === '..' || parts.includes('node_modules')) return null;
  // `src/import` may be named as a folder (its index), so only a file right in src/ is in no layer.
  if (parts[0] === 'src')
    return parts.length > 2 || !/\.[cm]?ts$/.test(parts[1] ?? '.ts') ? `src/${parts[1]}` : 'src';
  return parts[0] ?? null;
}

const IMPORT_RE = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;

/** Every import in the scanned folders that the graph does not allow, as readable lines. */
export function layerViolations(): string[] {
  const wrong: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const file of filesUnder(path.join(ROOT, folder))) {
      const from = unitOf(file)!;
      const here = path.relative(ROOT, file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) {
        wrong.push(`${here} is in ${from}, which is no known layer`);
        continue;
      }
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT_RE)) {
        const spec = m[2]!;
        if (!spec.startsWith('.')) {
          const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
          if (STORE_PACKAGES.has(pkg) && from !== STORE)
            wrong.push(`${here} imports ${spec} (only ${STORE} may)`);
          continue;
        }
        const target = path.resolve(path.dirname(file), spec);
        if (path.relative(ROOT, target).split(path.sep).includes('node_modules')) continue; // a package typed by path (zca-js is ESM-only)
        const to = unitOf(target);
        if (to === null || to === 'src') {
          wrong.push(`${here} imports ${spec}, outside every layer`);
          continue;
        }
        const models = path.relative(path.join(ROOT, 'src', 'store', 'models'), target);
        if (from !== STORE && !models.startsWith('..')) {
          wrong.push(`${here} imports ${spec} (the models are ${STORE}'s own: use a repository)`);
          continue;
        }
        if (to !== from && !allowed.includes(to)) wrong.push(`${here} imports ${spec} (${from} → ${to})`);
      }
    }
  }
  return wrong;
}

/** Folders of src/ that the graph does not name. */
export function unknownSrcLayers(): string[] {
  const src = path.join(ROOT, 'src');
  return readdirSync(src)
    .filter((n) => statSync(path.join(src, n)).isDirectory())
    .filter((n) => !(`src/${n}` in MAY_IMPORT));
}
