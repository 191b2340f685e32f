import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS, ConfigError, parseConfig } from '../../../src/app/config';

const root = join(__dirname, '..', '..', '..');
const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/lmhtx', REDIS_URL: 'redis://127.0.0.1:6379' };

function exampleEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(root, '.env.example'), 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m) out[m[1] as string] = m[2] as string;
  }
  return out;
}

describe('configuration', () => {
  it('.env.example lists exactly the variables the service reads, each with a comment', () => {
    const example = exampleEnv();
    expect(Object.keys(example).sort()).toEqual([...CONFIG_KEYS].sort());
    const text = readFileSync(join(root, '.env.example'), 'utf8');
    for (const key of CONFIG_KEYS) expect(text).toMatch(new RegExp(`#[^\\n]*\\n${key}=`));
    expect(() => parseConfig(example)).not.toThrow();
  });

  it('applies the documented defaults', () => {
    const c = parseConfig(base);
    expect(c.tz).toBe('Asia/Ho_Chi_Minh');
    expect(c.defaultLocale).toBe('vi');
    expect(c.telegram.apiRoot).toBe('https://api.telegram.org');
    expect(c.admins).toEqual([]);
    expect(c.botNow).toBeUndefined();
    expect(c.reminders).toEqual({ overdueWorkingDays: [1, 3, 5], escalateAtWorkingDays: 5 });
  });

  it('reads the overdue cadence', () => {
    const c = parseConfig({ ...base, REMINDER_OVERDUE_DAYS: '5, 2,10', REMINDER_ESCALATE_AT: '0' });
    expect(c.reminders).toEqual({ overdueWorkingDays: [2, 5, 10], escalateAtWorkingDays: 0 });
  });

  it('reads admins, the API root and BOT_NOW', () => {
    const c = parseConfig({
      ...base,
      BOT_ADMINS: 'telegram:123, zalo:abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9001/',
      BOT_NOW: '2025-03-27T08:00:00+07:00',
    });
    expect(c.admins).toEqual(['telegram:123', 'zalo:abc']);
    expect(c.telegram.apiRoot).toBe('http://127.0.0.1:9001');
    expect(c.botNow?.toISOString()).toBe('2025-03-27T01:00:00.000Z');
  });

  it.each([
    [{ REDIS_URL: base.REDIS_URL }, /^Lỗi cấu hình: [^\n]* \/ Configuration error: MONGODB_URI is required/],
    [
      { ...base, MONGODB_URI: 'localhost:27017' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: MONGODB_URI must be a mongodb:\/\//,
    ],
    [
      { ...base, BOT_NOW: '27/03/2025 08:00' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: BOT_NOW must be an ISO instant/,
    ],
    [
      { ...base, BOT_NOW: '2025-13-45T08:00:00Z' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: BOT_NOW must be an ISO instant/,
    ],
    [
      { ...base, BOT_ADMINS: '123' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: BOT_ADMINS entries must be platform-prefixed/,
    ],
    [
      { ...base, TZ_NAME: 'Mars/Olympus' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: TZ_NAME must be an IANA time zone/,
    ],
    [
      { ...base, DEFAULT_LOCALE: 'fr' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: DEFAULT_LOCALE must be vi or en/,
    ],
    [
      { ...base, REMINDER_OVERDUE_DAYS: 'every 2' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: REMINDER_OVERDUE_DAYS must be/,
    ],
    [
      { ...base, REMINDER_OVERDUE_DAYS: '0,3' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: REMINDER_OVERDUE_DAYS must be/,
    ],
    [
      { ...base, REMINDER_ESCALATE_AT: '-1' },
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: REMINDER_ESCALATE_AT must be/,
    ],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});

describe('the service process', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'app', 'main.ts')], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      cwd: join(root, 'test'), // no .env here
      encoding: 'utf8',
      timeout: 20000,
    });

  it('exits with one readable line when MONGODB_URI is missing', () => {
    const r = run({ REDIS_URL: base.REDIS_URL });
    expect(r.status).toBe(78);
    expect(r.stderr.trim()).toBe(
      'Lỗi cấu hình: thiếu MONGODB_URI. Chạy `npm run dev` ở thư mục này (các lệnh sẽ tự tìm máy chủ của nó) hoặc đặt MONGODB_URI trong .env / ' +
        'Configuration error: MONGODB_URI is required (e.g. mongodb://127.0.0.1:27017/lmhtx)',
    );
  });

  it('exits with one readable line when BOT_NOW is malformed', () => {
    const r = run({ ...base, BOT_NOW: 'tomorrow' });
    expect(r.status).toBe(78);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^Lỗi cấu hình: [^\n]* \/ Configuration error: BOT_NOW must be an ISO instant with a zone/,
    );
  });
});
