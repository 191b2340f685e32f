/**
 * Files in the terminal. What the bot sends (pictures, .xlsx, .ics, drafts) is written to a folder — by
 * default `.data/files/` of the project — under its own name, with "-2", "-3"… added when that name is
 * taken, so nothing from an earlier run is overwritten. What the user sends (`:file`) is read from disk.
 */
import { open, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { IncomingFile, Reply } from '../../bot/messages';

/** Writes `data` as `name` in `dir`, or as "name-2.ext", "name-3.ext"… when taken; returns the path. */
export async function writeUnique(dir: string, name: string, data: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const ext = extname(name);
  const stem = basename(name, ext) || 'tep';
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`);
    try {
      // 'wx' fails when the file exists: two runs (or two messages) never overwrite each other.
      const file = await open(path, 'wx');
      try {
        await file.writeFile(data);
      } finally {
        await file.close();
      }
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** A terminal cannot show a picture or hand over a file: each is written to `dir`; the paths are returned. */
export async function saveAttachments(reply: Reply, dir: string): Promise<string[]> {
  const paths: string[] = [];
  if (reply.image) paths.push(await writeUnique(dir, 'bieu-do.png', reply.image.data));
  if (reply.document)
    paths.push(await writeUnique(dir, basename(reply.document.filename), reply.document.data));
  return paths;
}

/** A file on disk as the bot core receives a sent file; undefined when there is no such file. */
export async function fileFromDisk(
  path: string,
  cwd: string = process.cwd(),
): Promise<IncomingFile | undefined> {
  const full = resolve(cwd, path);
  const info = await stat(full).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return { name: basename(full), size: info.size, download: () => readFile(full) };
}

/** `:file "ke hoach.docx" chú thích` → the path (quotes allow spaces) and the caption. */
export function parseFileCommand(args: string): { path: string; caption: string } | undefined {
  const m = /^\s*(?:"([^"]+)"|'([^']+)'|(\S+))\s*([\s\S]*)$/.exec(args);
  if (!m) return undefined;
  return { path: (m[1] ?? m[2] ?? m[3])!, caption: (m[4] ?? '').trim() };
}
