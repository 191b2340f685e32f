/**
 * Where the project's own files (locales/, data/) are, whether the code runs from its sources (tsx, jest:
 * src/shared/paths.ts) or from the build (dist/app/main.js, dist/scripts/seed.js: every module of an entry
 * is bundled into one file, so `__dirname` is the entry's folder, not this file's). The root is the
 * nearest folder above that holds package.json, as the image's /app does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

let root: string | undefined;

/** The project's root folder. */
export function projectRoot(): string {
  root ??= findRoot(__dirname);
  return root;
}

/** A path inside the project: `projectPath('data', 'holidays.json')`. */
export function projectPath(...parts: string[]): string {
  return path.join(projectRoot(), ...parts);
}
