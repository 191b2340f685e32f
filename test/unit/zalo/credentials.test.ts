import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  credentialsChanged,
  currentCredentials,
  readCredentials,
  writeCredentials,
  ZaloCredentialsError,
  type ZaloCredentials,
} from '../../../src/channels/zalo/credentials';
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

  it('rejects an empty cookie list and a cookie without a value', async () => {
    const file = join(dir, 'zalo.json');
    await writeFile(file, JSON.stringify({ ...CREDENTIALS, cookie: [] }));
    await expect(readCredentials(file)).rejects.toThrow(/invalid "cookie"/);

    await writeFile(file, JSON.stringify({ ...CREDENTIALS, cookie: [{ key: 'zpw_sek' }] }));
    await expect(readCredentials(file)).rejects.toThrow(/"cookie\.0\.value"/);
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
