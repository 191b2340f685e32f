/**
 * The Zalo session file (ZALO_CREDENTIALS_FILE): exactly what zca-js's `login` takes — the cookie jar, the
 * imei the session was created with, and the same user agent. Written by `npm run zalo:login`, and again
 * by the channel whenever Zalo refreshes a cookie, so a restart resumes the newest session.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { API, Credentials } from './zca';

/**
 * zca-js accepts tough-cookie's SerializedCookie[] (what it produces itself), a browser extension's
 * export (`name` instead of `key`), or `{url, cookies}`. Each needs a name. `value` may be absent:
 * tough-cookie 5 leaves it out of the JSON when it is empty (Zalo sets some cookies empty), and zca-js's
 * `Cookie.fromJSON` reads it back as "".
 */
const cookieSchema = z.looseObject({
  key: z.string().optional(),
  name: z.string().optional(),
  value: z.string().optional(),
});
const cookieListSchema = z
  .array(cookieSchema)
  .min(1, 'must hold at least one cookie')
  .refine((cookies) => cookies.every((c) => c.key ?? c.name), 'every cookie needs a key (or name)');

const schema = z.object({
  // The `{url, cookies}` form is unwrapped first, so errors point into the list ("cookie.0.value").
  cookie: z.preprocess(
    (v) => (typeof v === 'object' && v !== null && 'cookies' in v && !Array.isArray(v) ? v.cookies : v),
    cookieListSchema,
  ),
  imei: z.string().trim().min(1, 'must not be empty'),
  userAgent: z.string().trim().min(1, 'must not be empty'),
  language: z.string().optional(),
});

export type ZaloCredentials = Pick<Credentials, 'imei' | 'userAgent' | 'language'> & {
  /** Always stored as a list, in tough-cookie's serialised form (the `{url, cookies}` form is unwrapped). */
  cookie: Extract<Credentials['cookie'], ReadonlyArray<{ key?: string }>>;
};

export class ZaloCredentialsError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Zalo credentials file ${file} ${detail}`);
    this.name = 'ZaloCredentialsError';
  }
}

const HOW_TO_FIX = 'run `npm run zalo:login` to create it';

/** Checks a parsed file; the error names the first missing or invalid field, never a value. */
export function parseCredentials(file: string, data: unknown): ZaloCredentials {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.map(String).join('.') : undefined;
    if (!field)
      throw new ZaloCredentialsError(
        file,
        `is not a JSON object with cookie, imei and userAgent; ${HOW_TO_FIX}`,
      );
    const missing = issue?.code === 'invalid_type' && issue.input === undefined;
    const detail = missing
      ? `is missing the field "${field}"`
      : `has an invalid "${field}": ${issue?.message}`;
    throw new ZaloCredentialsError(file, `${detail}; ${HOW_TO_FIX}`);
  }
  const { cookie, imei, userAgent, language } = result.data;
  return { cookie, imei, userAgent, ...(language ? { language } : {}) };
}

export async function readCredentials(file: string): Promise<ZaloCredentials> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ZaloCredentialsError(file, `does not exist; ${HOW_TO_FIX}`);
    throw new ZaloCredentialsError(file, `cannot be read (${code ?? 'unknown error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ZaloCredentialsError(file, `is not valid JSON; ${HOW_TO_FIX}`);
  }
  return parseCredentials(file, data);
}

/** Replaces the file atomically (temp file + rename, so a crash never leaves half a session) with mode 0600. */
export async function writeCredentials(file: string, credentials: ZaloCredentials): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(credentials, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open()'s mode is filtered by the umask; the cookie must never be group- or world-readable.
    await chmod(tmp, 0o600);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The session as zca-js holds it now. zca-js emits no event when Zalo refreshes a cookie: it silently
 * updates the jar from every `set-cookie` response. So the channel snapshots the jar (after login, on a
 * timer, at stop) and rewrites the file only when the snapshot differs (see `credentialsChanged`).
 */
export function currentCredentials(api: Pick<API, 'getCookie'>, saved: ZaloCredentials): ZaloCredentials {
  const cookies = api.getCookie().toJSON()?.cookies;
  if (!cookies || cookies.length === 0) return saved;
  return { ...saved, cookie: cookies };
}

/** Compares cookie values only: tough-cookie also rewrites bookkeeping such as lastAccessed on every request. */
export function credentialsChanged(a: ZaloCredentials, b: ZaloCredentials): boolean {
  return fingerprint(a) !== fingerprint(b);
}

function fingerprint(c: ZaloCredentials): string {
  const cookies = c.cookie.map((k) => {
    const record: Record<string, unknown> = k;
    return [k.key ?? record.name, k.value, record.domain, record.expires].map(String).join('\u0000');
  });
  return JSON.stringify([c.imei, c.userAgent, cookies.sort()]);
}
