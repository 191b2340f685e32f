import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function run(...args: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/zalo-login.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('scripts/zalo-login.ts', () => {
  it('prints bilingual help and exits 0 without touching the network', () => {
    const result = run('--help');

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run zalo:login');
    expect(result.stdout).toContain('Đăng nhập tài khoản Zalo của bot bằng mã QR');
    expect(result.stdout).toContain('--out FILE');
  });

  it('rejects an unknown option with a usage error', () => {
    const result = run('--nope');

    expect(result.status).toBe(64);
    expect(result.stderr).toContain("Unknown option '--nope'");
  });
});
