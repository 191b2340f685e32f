import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CookieJar } from 'tough-cookie';
import {
  credentialsChanged,
  currentCredentials,
  readCredentials,
  writeCredentials,
  ZaloCredentialsError,
  type ZaloCredentials,
} from '../../../src/channels/zalo/credentials';
import { Zalo } from '../../../src/channels/zalo/zca';
import { FakeZaloServer } from '../../helpers/zalo-fake';

const CREDENTIALS: ZaloCredentials = {
  cookie: [{ key: 'zpw_sek', value: 'secret-session', domain: 'chat.zalo.me', path: '/' }],
  imei: '2f1c7a5e-aaaa-bbbb-cccc-1234567890ab-5b3d9f0c7d0e1a2b',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

describe('zalo credentials file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zalo-cred-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips through an atomic write with mode 0600', async () => {
    const file = join(dir, 'nested', 'zalo.json');
    await writeCredentials(file, CREDENTIALS);

    expect(await readCredentials(file)).toEqual(CREDENTIALS);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves no temporary file behind and replaces an existing file', async () => {
    const file = join(dir, 'zalo.json');
    await writeFile(file, '{}');
    await writeCredentials(file, CREDENTIALS);
    await writeCredentials(file, { ...CREDENTIALS, imei: 'other' });

    expect((await readCredentials(file)).imei).toBe('other');
    expect(await readdir(dir)).toEqual(['zalo.json']);
  });

  it('names the file and the missing field, without echoing any value', async () => {
    const file = join(dir, 'zalo.json');
    await writeFile(file, JSON.stringify({ cookie: CREDENTIALS.cookie, userAgent: CREDENTIALS.userAgent }));

    const err: unknown = await readCredentials(file).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ZaloCredentialsError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain('missing the field "imei"');
    expect((err as Error).message).toContain('npm run zalo:login');
    expect((err as Error).message).not.toContain('secret-session');
  });

  it('rejects an empty cookie list and a cookie without a name', async () => {
    const file = join(dir, 'zalo.json');
    await writeFile(file, JSON.stringify({ ...CREDENTIALS, cookie: [] }));
    await expect(readCredentials(file)).rejects.toThrow(/invalid "cookie"/);

    await writeFile(
      file,
      JSON.stringify({ ...CREDENTIALS, cookie: [{ value: 'x', domain: 'chat.zalo.me' }] }),
    );
    await expect(readCredentials(file)).rejects.toThrow(/every cookie needs a key/);
  });

  it('accepts a cookie without a value, as tough-cookie 5 writes an empty one, and zca-js reads it back', async () => {
    // What a successful QR login's jar serialises to when Zalo set a cookie empty.
    const jar = new CookieJar();
    jar.setCookieSync('zpw_sek=secret-session; Domain=chat.zalo.me; Path=/', 'https://chat.zalo.me');
    jar.setCookieSync('zpw_enk=; Domain=chat.zalo.me; Path=/', 'https://chat.zalo.me');
    const cookie = jar.toJSON()?.cookies ?? [];
    expect(cookie.find((c) => c.key === 'zpw_enk')).not.toHaveProperty('value');
    const file = join(dir, 'zalo.json');
    await writeFile(file, JSON.stringify({ ...CREDENTIALS, cookie }));

    const read = await readCredentials(file);

    expect(read.cookie.map((c) => c.key)).toEqual(['zpw_sek', 'zpw_enk']);
    // The very parsing zca-js's cookie login does (private in its typings, so reached through a cast).
    const zalo = new Zalo({ logging: false }) as unknown as { parseCookies(c: unknown): CookieJar };
    const restored = zalo.parseCookies(read.cookie);
    expect(restored.getCookieStringSync('https://chat.zalo.me')).toBe('zpw_sek=secret-session; zpw_enk=');
  });

  it('accepts a browser-extension export wrapped as {url, cookies} and stores it as a list', async () => {
    const file = join(dir, 'zalo.json');
    const cookies = [{ name: 'zpw_sek', value: 'v', domain: '.chat.zalo.me' }];
    await writeFile(
      file,
      JSON.stringify({ ...CREDENTIALS, cookie: { url: 'https://chat.zalo.me', cookies } }),
    );

    expect((await readCredentials(file)).cookie).toEqual(cookies);
  });

  it('explains a missing file and a file that is not JSON', async () => {
    await expect(readCredentials(join(dir, 'nope.json'))).rejects.toThrow(
      /nope\.json does not exist; run `npm run zalo:login`/,
    );
    const file = join(dir, 'zalo.json');
    await writeFile(file, 'cookie=abc');
    await expect(readCredentials(file)).rejects.toThrow(/is not valid JSON/);
  });

  it("takes the refreshed cookies from zca-js's jar and notices only real changes", async () => {
    const zalo = new FakeZaloServer();
    const saved: ZaloCredentials = {
      ...CREDENTIALS,
      cookie: currentCredentials(zalo.api, CREDENTIALS).cookie,
    };

    expect(credentialsChanged(saved, currentCredentials(zalo.api, saved))).toBe(false);
    zalo.setCookie('zpw_sek', 'session-2');
    const refreshed = currentCredentials(zalo.api, saved);

    expect(credentialsChanged(saved, refreshed)).toBe(true);
    expect(refreshed.cookie.find((c) => c.key === 'zpw_sek')?.value).toBe('session-2');
    expect(refreshed.imei).toBe(CREDENTIALS.imei);
    const file = join(dir, 'zalo.json');
    await writeCredentials(file, refreshed);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ imei: CREDENTIALS.imei });
  });
});
