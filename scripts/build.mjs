/**
 * npm run build: the production build in dist/, one file per program, each with every project module it
 * loads bundled in and every package left to node_modules (the image installs production dependencies
 * only). Type checking is `tsc -p tsconfig.build.json` (the Dockerfile runs both); esbuild only strips
 * types, which keeps the build to a second or two.
 *
 * Paths to the project's own files (locales/, data/) go through src/shared/paths.ts, which finds the
 * root from wherever the bundle sits.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..');
/** How each program is bundled; bench:status builds its bot with the same options. */
const BUNDLE = JSON.parse(await readFile(path.join(root, 'scripts', 'bundle-options.json'), 'utf8'));

/**
 * dist/<out>.js ← <in>: the programs the image runs (compose, `docker compose exec bot node dist/…`);
 * test/unit/deploy/docker-files.test.ts reads the same list.
 */
const PROGRAMS = JSON.parse(await readFile(path.join(root, 'scripts', 'programs.json'), 'utf8'));

await rm(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.entries(PROGRAMS).map(([out, input]) => ({ in: input, out })),
  outdir: 'dist',
  ...BUNDLE,
});
